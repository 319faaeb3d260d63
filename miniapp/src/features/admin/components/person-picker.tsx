import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { UserResponse } from '@torch-red/shared';
import { listUsers } from '../api';
import './person-picker.scss';

export interface PickedPerson {
  id: string;
  name: string;
}

interface PersonPickerProps {
  value: PickedPerson | undefined;
  onChange: (person: PickedPerson | undefined) => void;
}

/** Finds a person by name or phone and picks one (the 操作人 filter); the pick shows as a chip to clear. */
export function PersonPicker({ value, onChange }: PersonPickerProps) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<UserResponse[] | null>(null);
  const [searching, setSearching] = useState(false);

  const search = async () => {
    if (text.trim() === '') return;
    setSearching(true);
    try {
      setFound((await listUsers({ q: text.trim(), limit: 8 })).items);
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setSearching(false);
    }
  };

  if (value) {
    return (
      <View className="person-picker person-picker--picked">
        <Text className="person-picker__chip">{value.name}</Text>
        <Text className="person-picker__clear" onClick={() => onChange(undefined)}>
          清除
        </Text>
      </View>
    );
  }
  return (
    <View className="person-picker">
      <View className="person-picker__row">
        <Input className="person-picker__input" value={text} placeholder="姓名或手机号" onChange={setText} onConfirm={() => void search()} />
        <Button className="person-picker__search" shape="round" fill="outline" type="primary" loading={searching} onClick={() => void search()}>
          查找
        </Button>
      </View>
      {found !== null ? (
        <View className="person-picker__results">
          {found.length === 0 ? <Text className="person-picker__none">没有找到“{text}”</Text> : null}
          {found.map((person) => (
            <Text
              key={person.id}
              className="person-picker__result"
              onClick={() => {
                onChange({ id: person.id, name: person.name });
                setFound(null);
                setText('');
              }}
            >
              {person.name}
              {person.phone ? ` · ${person.phone}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
