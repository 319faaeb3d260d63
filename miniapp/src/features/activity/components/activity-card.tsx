import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_PHASE_LABELS, ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS, type ActivityResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatSeats, isFull } from '../format';
import { formatTimeRange } from '@/lib/datetime';
import { ACTIVITY_STATUS_TONES, PHASE_TONES } from '../tones';
import './activity-card.scss';

interface ActivityCardProps {
  activity: ActivityResponse;
  onClick?: (activity: ActivityResponse) => void;
  /** Shown under the card body: a member's status, a secretary's actions. */
  footer?: ReactNode;
  /** Workspace cards show 草稿 / 已取消 instead of the phase. */
  showStatus?: boolean;
}

export function ActivityCard({ activity, onClick, footer, showStatus = false }: ActivityCardProps) {
  const full = isFull(activity);
  const statusTag =
    showStatus && activity.status !== 'PUBLISHED' ? (
      <StatusTag text={ACTIVITY_STATUS_LABELS[activity.status]} tone={ACTIVITY_STATUS_TONES[activity.status]} />
    ) : activity.phase ? (
      <StatusTag text={ACTIVITY_PHASE_LABELS[activity.phase]} tone={PHASE_TONES[activity.phase]} />
    ) : null;

  return (
    <View className="activity-card" onClick={() => onClick?.(activity)}>
      <View className="activity-card__top">
        <StatusTag text={ACTIVITY_TYPE_LABELS[activity.type]} tone="brand" />
        {statusTag}
      </View>
      <Text className="activity-card__title">{activity.title}</Text>
      <View className="activity-card__meta">
        <View className="activity-card__line">
          <Text className="activity-card__icon activity-card__icon--time">时</Text>
          <Text className="activity-card__text activity-card__time">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
        </View>
        <View className="activity-card__line">
          <Text className="activity-card__icon activity-card__icon--place">地</Text>
          <Text className="activity-card__text activity-card__place">{activity.location}</Text>
        </View>
      </View>
      <View className="activity-card__bottom">
        <Text className="activity-card__org">{activity.orgName}</Text>
        <Text className={`activity-card__seats${full ? ' activity-card__seats--full' : ''}`}>{full ? `${formatSeats(activity)} · 已满` : formatSeats(activity)}</Text>
      </View>
      {footer ? <View className="activity-card__footer">{footer}</View> : null}
    </View>
  );
}
