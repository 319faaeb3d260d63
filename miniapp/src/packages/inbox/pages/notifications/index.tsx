import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NotificationResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '@/features/notification/api';
import { NotificationItem } from '@/features/notification/components/notification-item';
import { usePagedList } from '@/hooks/use-paged-list';
import { MOVED_PAGES } from '@/services/routes';
import './index.scss';

export default function NotificationsPage() {
  const signedIn = useRequireSession();
  const list = usePagedList((cursor) => listNotifications({ limit: 20, cursor }), { key: 'me:notifications', enabled: signedIn });
  const hasUnread = list.items.some((item) => item.readAt === null);

  const handleOpen = async (notification: NotificationResponse) => {
    if (notification.readAt === null) {
      try {
        await markNotificationRead(notification.id);
        void list.reload();
      } catch {
        // Opening the link matters more than the read mark.
      }
    }
    if (notification.link) {
      void Taro.navigateTo({ url: MOVED_PAGES[notification.link] ?? notification.link });
    }
  };

  const handleReadAll = async () => {
    await markAllNotificationsRead();
    void Taro.showToast({ title: '已全部标为已读', icon: 'none' });
    await list.reload();
  };

  return (
    <PageShell className="notifications-page">
      {hasUnread ? (
        <View className="notifications-page__bar">
          <Text className="notifications-page__read-all" onClick={() => void handleReadAll().catch(() => undefined)}>
            全部已读
          </Text>
        </View>
      ) : null}
      <View className="notifications-page__list">
        <PagedList list={list} empty={<EmptyState icon="message" title="暂无消息" description="报名结果、候补递补、活动变更和开始提醒会出现在这里" />}>
          {(items) => items.map((notification) => <NotificationItem key={notification.id} notification={notification} onClick={(item) => void handleOpen(item)} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
