import { Text, View } from '@tarojs/components';
import type { NotificationResponse } from '@torch-red/shared';
import { formatDateTime } from '@/lib/datetime';
import './notification-item.scss';

interface NotificationItemProps {
  notification: NotificationResponse;
  onClick: (notification: NotificationResponse) => void;
}

/** One message; unread ones carry the app's one unread marker, the red 未读 pill (no second coloured dot). */
export function NotificationItem({ notification, onClick }: NotificationItemProps) {
  const unread = notification.readAt === null;
  return (
    <View className={`notification-item${unread ? ' notification-item--unread' : ''}`} onClick={() => onClick(notification)}>
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
