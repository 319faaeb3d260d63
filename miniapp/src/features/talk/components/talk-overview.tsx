import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_PHASE_LABELS, type TalkDetail } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime, formatTimeRange } from '@/lib/datetime';
import { PHASE_TONES } from '@/features/activity/tones';
import { seatsLeft } from '../format';
import './talk-overview.scss';

interface TalkOverviewProps {
  talk: TalkDetail;
  /** Under the facts: my registration status. */
  afterFacts?: ReactNode;
}

/** The session page head: theme, when and where, seats and host departments. */
export function TalkOverview({ talk, afterFacts }: TalkOverviewProps) {
  const { activity } = talk;
  return (
    <View className="talk-overview">
      <View className="talk-overview__hero">
        <View className="talk-overview__tags">
          <Text className="talk-overview__series">企业家月月谈</Text>
          {activity.phase ? <StatusTag text={ACTIVITY_PHASE_LABELS[activity.phase]} tone={PHASE_TONES[activity.phase]} /> : null}
          {talk.isSample ? <Text className="talk-overview__sample">示例</Text> : null}
        </View>
        <Text className="talk-overview__theme">{talk.theme}</Text>
      </View>
      <View className="talk-overview__card">
        <View className="talk-overview__fact">
          <Text className="talk-overview__key">时间</Text>
          <Text className="talk-overview__value">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
        </View>
        <View className="talk-overview__fact">
          <Text className="talk-overview__key">地点</Text>
          <Text className="talk-overview__value">{activity.location}</Text>
        </View>
        <View className="talk-overview__fact">
          <Text className="talk-overview__key">席位</Text>
          <Text className="talk-overview__value talk-overview__seats">
            {activity.capacity !== null ? `共 ${activity.capacity} 席 · ` : ''}
            {seatsLeft(activity)}
          </Text>
        </View>
        <View className="talk-overview__fact">
          <Text className="talk-overview__key">报名截止</Text>
          <Text className="talk-overview__value">{formatDateTime(activity.signupEndAt)}</Text>
        </View>
        {talk.hostDepartments.length > 0 ? (
          <View className="talk-overview__departments">
            <Text className="talk-overview__key">承办部门</Text>
            <View className="talk-overview__department-list">
              {talk.hostDepartments.map((department) => (
                <StatusTag key={department.id} text={department.name} tone="info" />
              ))}
            </View>
          </View>
        ) : null}
        {afterFacts}
      </View>
      {activity.description ? (
        <View className="talk-overview__card">
          <Text className="talk-overview__section">本期介绍</Text>
          <Text className="talk-overview__description">{activity.description}</Text>
        </View>
      ) : null}
    </View>
  );
}
