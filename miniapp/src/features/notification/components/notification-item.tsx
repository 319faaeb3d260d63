import { Text, View } from '@tarojs/components';
import type { NotificationKind, NotificationResponse } from '@torch-red/shared';
import { formatDateTime } from '@/lib/datetime';
import './notification-item.scss';

// Kinds without a colour of their own (e.g. from features added later) show as information.
const KIND_TONES: Partial<Record<NotificationKind, 'success' | 'warning' | 'info' | 'danger'>> = {
  REGISTRATION_CONFIRMED: 'success',
  REGISTRATION_WAITLISTED: 'warning',
  REGISTRATION_PENDING: 'info',
  REGISTRATION_PROMOTED: 'success',
  REGISTRATION_APPROVED: 'success',
  REGISTRATION_REJECTED: 'danger',
  ACTIVITY_CHANGED: 'info',
  ACTIVITY_CANCELLED: 'danger',
  ACTIVITY_STARTING: 'warning',
  JOIN_REQUESTED: 'warning',
  JOIN_APPROVED: 'success',
  JOIN_REJECTED: 'danger',
  REPRESENTATION_REQUESTED: 'warning',
  REPRESENTATION_APPROVED: 'success',
  REPRESENTATION_REJECTED: 'danger',
};

interface NotificationItemProps {
  notification: NotificationResponse;
  onClick: (notification: NotificationResponse) => void;
}

export function NotificationItem({ notification, onClick }: NotificationItemProps) {
  const unread = notification.readAt === null;
  return (
    <View className={`notification-item${unread ? ' notification-item--unread' : ''}`} onClick={() => onClick(notification)}>
      <View className={`notification-item__dot notification-item__dot--${KIND_TONES[notification.kind] ?? 'info'}`} />
      <View className="notification-item__body">
        <View className="notification-item__head">
          <View className="notification-item__title-row">
            <Text className="notification-item__title">{notification.title}</Text>
            {unread ? <Text className="notification-item__new">未读</Text> : null}
          </View>
          <Text className="notification-item__time">{formatDateTime(notification.createdAt)}</Text>
        </View>
        <Text className="notification-item__text">{notification.body}</Text>
        {notification.link ? <Text className="notification-item__link">查看详情 ›</Text> : null}
      </View>
    </View>
  );
}
