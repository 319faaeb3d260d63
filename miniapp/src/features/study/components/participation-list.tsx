import { Text, View } from '@tarojs/components';
import type { ParticipationResponse } from '@torch-red/shared';
import { Avatar } from '@/components/avatar';
import { EmptyState } from '@/components/empty-state';
import './participation-list.scss';

/** 支部学习情况: who has studied this week and who might welcome a reminder. A list, not a ranking. */
export function ParticipationList({ data }: { data: ParticipationResponse }) {
  const waiting = data.items.filter((item) => !item.studied);
  const studied = data.items.filter((item) => item.studied);
  if (data.memberCount === 0) {
    // One state, not "0 / 0" beside "everyone has studied" and "nobody has studied".
    return (
      <View className="participation-list">
        <EmptyState icon="people" title="本组织下暂无成员" description={`${data.orgName}还没有登记成员，导入花名册或成员加入后，这里会显示每周的学习情况。`} />
      </View>
    );
  }
  return (
    <View className="participation-list">
      <View className="participation-list__summary">
        <Text className="participation-list__org">{data.orgName}</Text>
        <Text className="participation-list__figure">
          本周已有 <Text className="participation-list__count">{data.studiedCount}</Text> / {data.memberCount} 人参加学习
        </Text>
        <Text className="participation-list__note">名单按姓名排列，仅用于提醒和关心，不作排名或考核。</Text>
      </View>
      <View className="participation-list__group participation-list__group--waiting">
        <Text className="participation-list__group-title">本周还未学习（{waiting.length}）</Text>
        {waiting.length === 0 ? <Text className="participation-list__empty">大家本周都学习过了，真棒！</Text> : null}
        {waiting.map((item) => (
          <View key={item.userId} className="participation-list__person">
            <Avatar name={item.name} />
            <Text className="participation-list__name">{item.name}</Text>
            <Text className="participation-list__state participation-list__state--waiting">可提醒一下</Text>
          </View>
        ))}
      </View>
      <View className="participation-list__group participation-list__group--studied">
        <Text className="participation-list__group-title">本周已学习（{studied.length}）</Text>
        {studied.length === 0 ? <Text className="participation-list__empty">本周还没有人学习，可以在支部群里发个提醒</Text> : null}
        {studied.map((item) => (
          <View key={item.userId} className="participation-list__person">
            <Avatar name={item.name} />
            <Text className="participation-list__name">{item.name}</Text>
            <Text className="participation-list__state">已学习</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
