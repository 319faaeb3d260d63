import { Text, View } from '@tarojs/components';
import type { DemoPerson } from '@torch-red/shared';
import { Avatar } from '@/components/avatar';
import './demo-person-list.scss';

interface DemoPersonListProps {
  people: DemoPerson[];
  disabled?: boolean;
  onSelect: (person: DemoPerson) => void;
}

export function DemoPersonList({ people, disabled = false, onSelect }: DemoPersonListProps) {
  if (people.length === 0) {
    return <Text className="demo-person-list__empty">暂无示例身份，请以新用户身份进入</Text>;
  }
  return (
    <View className="demo-person-list">
      {people.map((person) => (
        <View
          key={person.openid}
          className={`demo-person${disabled ? ' demo-person--disabled' : ''}`}
          onClick={() => {
            if (!disabled) {
              onSelect(person);
            }
          }}
        >
          <Avatar name={person.name} size="medium" />
          <View className="demo-person__text">
            <Text className="demo-person__name">{person.name}</Text>
            <Text className="demo-person__description">{person.description}</Text>
          </View>
          <Text className="demo-person__enter">进入</Text>
        </View>
      ))}
    </View>
  );
}
