import { useQuery } from '@/hooks/use-query';
import { getUnreadCount } from '../api';

/** Unread messages, counted again whenever the page shows (reading happens on another page). */
export function useUnreadCount(enabled: boolean) {
  const query = useQuery(getUnreadCount, { key: 'notifications:unread', enabled, refreshOnShow: true });
  return query.data?.unread ?? 0;
}
