import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_PHASE_LABELS, ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS, type ActivityDetailResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime, formatTimeRange } from '@/lib/datetime';
import { ACTIVITY_STATUS_TONES, PHASE_TONES } from '../tones';
import './activity-overview.scss';

interface ActivityOverviewProps {
  activity: ActivityDetailResponse;
  /** Shown right under the seat counts: the person's own status. */
  afterSeats?: ReactNode;
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="activity-overview__row">
      <Text className="activity-overview__label">{label}</Text>
      <Text className="activity-overview__value">{value}</Text>
    </View>
  );
}

/** Everything about the activity itself: what, when, where, how many seats are left. */
export function ActivityOverview({ activity, afterSeats }: ActivityOverviewProps) {
  const seatsLeft = activity.capacity === null ? null : Math.max(activity.capacity - activity.confirmedCount, 0);
  const fill = activity.capacity ? Math.min(activity.confirmedCount / activity.capacity, 1) : 0;

  return (
    <View className="activity-overview">
      <View className="activity-overview__hero">
        <View className="activity-overview__tags">
          <Text className="activity-overview__type">{ACTIVITY_TYPE_LABELS[activity.type]}</Text>
          {activity.status !== 'PUBLISHED' ? (
            <StatusTag text={ACTIVITY_STATUS_LABELS[activity.status]} tone={ACTIVITY_STATUS_TONES[activity.status]} />
          ) : activity.phase ? (
            <StatusTag text={ACTIVITY_PHASE_LABELS[activity.phase]} tone={PHASE_TONES[activity.phase]} />
          ) : null}
        </View>
        <Text className="activity-overview__title">{activity.title}</Text>
        <Text className="activity-overview__org">{activity.orgName}</Text>
      </View>

      <View className="activity-overview__card activity-overview__seats">
        <View className="activity-overview__seat">
          <Text className="activity-overview__seat-value activity-overview__confirmed">{activity.confirmedCount}</Text>
          <Text className="activity-overview__seat-label">已报名</Text>
        </View>
        <View className="activity-overview__seat">
          <Text className="activity-overview__seat-value activity-overview__capacity">{activity.capacity ?? '不限'}</Text>
          <Text className="activity-overview__seat-label">名额</Text>
        </View>
        <View className="activity-overview__seat">
          <Text className="activity-overview__seat-value">{seatsLeft ?? '充足'}</Text>
          <Text className="activity-overview__seat-label">剩余</Text>
        </View>
        {activity.waitlist ? (
          <View className="activity-overview__seat">
            <Text className="activity-overview__seat-value">{activity.waitlistCount}</Text>
            <Text className="activity-overview__seat-label">候补</Text>
          </View>
        ) : null}
        {activity.requiresApproval ? (
          <View className="activity-overview__seat">
            <Text className="activity-overview__seat-value">{activity.pendingCount}</Text>
            <Text className="activity-overview__seat-label">待审核</Text>
          </View>
        ) : null}
        {activity.capacity !== null ? (
          <View className="activity-overview__bar">
            <View className="activity-overview__bar-fill" style={{ width: `${Math.round(fill * 100)}%` }} />
          </View>
        ) : null}
      </View>

      {afterSeats}

      <View className="activity-overview__card">
        <InfoRow label="活动时间" value={formatTimeRange(activity.startAt, activity.endAt)} />
        <InfoRow label="活动地点" value={activity.location} />
        {activity.onlineUrl ? <InfoRow label="线上链接" value={activity.onlineUrl} /> : null}
        <InfoRow label="报名截止" value={formatDateTime(activity.signupEndAt)} />
        {activity.cancelDeadline ? <InfoRow label="取消截止" value={formatDateTime(activity.cancelDeadline)} /> : null}
        <InfoRow label="报名方式" value={activity.requiresApproval ? '需审核' : activity.waitlist ? '先到先得 · 满员可候补' : '先到先得'} />
      </View>

      {activity.description.trim() ? (
        <View className="activity-overview__card">
          <Text className="activity-overview__heading">活动介绍</Text>
          <Text className="activity-overview__description">{activity.description}</Text>
        </View>
      ) : null}
    </View>
  );
}
