import { API, type PageQuery } from '@torch-red/shared';
import { send } from '@/services/http';

export const listNotifications = (query: PageQuery) => send(API.notifications.list, { query });
export const getUnreadCount = () => send(API.notifications.unreadCount);
export const markNotificationRead = (id: string) => send(API.notifications.read(id));
export const markAllNotificationsRead = () => send(API.notifications.readAll);
