import type { NotificationResponse, Page, PageQuery, UnreadCountResponse } from '@torch-red/shared';
import { http } from '@/services/http';

export const listNotifications = (query: PageQuery) => http.get<Page<NotificationResponse>>('/api/me/notifications', { query: { ...query } });
export const getUnreadCount = () => http.get<UnreadCountResponse>('/api/me/notifications/unread-count');
export const markNotificationRead = (id: string) => http.post<void>(`/api/me/notifications/${id}/read`);
export const markAllNotificationsRead = () => http.post<void>('/api/me/notifications/read-all');
