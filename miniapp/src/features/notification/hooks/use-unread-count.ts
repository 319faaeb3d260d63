import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@/hooks/use-query';
import { getUnreadCount } from '../api';

/** Unread messages, counted again whenever the page shows (reading happens on another page). */
export function useUnreadCount(enabled: boolean) {
  const query = useQuery(getUnreadCount, enabled);
  useDidShow(() => {
    if (enabled && query.data) {
      void query.reload();
    }
  });
  return query.data?.unread ?? 0;
}
