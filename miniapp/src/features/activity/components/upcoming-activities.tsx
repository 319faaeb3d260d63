import { Text, View } from '@tarojs/components';
import { ACTIVITY_TYPE_LABELS, type ActivityResponse } from '@torch-red/shared';
import { formatSeats } from '../format';
import { chinaParts } from '@/lib/datetime';
import './upcoming-activities.scss';

interface UpcomingActivitiesProps {
  /** 近期活动 by default; 本支部活动 for the person's own branch. */
  title?: string;
  /** What to say when there is nothing coming. */
  emptyText?: string;
  activities: ActivityResponse[] | undefined;
  failed: boolean;
  onOpen: (activity: ActivityResponse) => void;
  onMore: () => void;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** 首页: the next few activities, each a tap away from signing up. */
export function UpcomingActivities({ title = '近期活动', emptyText = '近期暂无活动，敬请期待', activities, failed, onOpen, onMore }: UpcomingActivitiesProps) {
  let body;
  if (activities === undefined) {
    body = <Text className="upcoming-activities__note">{failed ? `${title}加载失败，下拉刷新重试` : `正在加载${title}…`}</Text>;
  } else if (activities.length === 0) {
    body = <Text className="upcoming-activities__note">{emptyText}</Text>;
  } else {
    body = activities.map((activity) => {
      const start = chinaParts(activity.startAt);
      return (
        <View key={activity.id} className="upcoming-activities__item" onClick={() => onOpen(activity)}>
          <View className="upcoming-activities__date">
            <Text className="upcoming-activities__day">{pad(start.day)}</Text>
            <Text className="upcoming-activities__month">{start.month}月</Text>
          </View>
          <View className="upcoming-activities__text">
            <Text className="upcoming-activities__title">{activity.title}</Text>
            <Text className="upcoming-activities__meta">
              {ACTIVITY_TYPE_LABELS[activity.type]} · {pad(start.hour)}:{pad(start.minute)} · {activity.location}
            </Text>
          </View>
          <Text className="upcoming-activities__seats">{formatSeats(activity)}</Text>
        </View>
      );
    });
  }

  return (
    <View className="upcoming-activities">
      <View className="upcoming-activities__heading">
        <Text className="upcoming-activities__heading-title">{title}</Text>
        <Text className="upcoming-activities__more" onClick={onMore}>
          查看全部 ›
        </Text>
      </View>
      {body}
    </View>
  );
}
