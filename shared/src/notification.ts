export const NOTIFICATION_KINDS = [
  'REGISTRATION_CONFIRMED',
  'REGISTRATION_WAITLISTED',
  'REGISTRATION_PENDING',
  'REGISTRATION_PROMOTED',
  'REGISTRATION_APPROVED',
  'REGISTRATION_REJECTED',
  'ACTIVITY_CHANGED',
  'ACTIVITY_CANCELLED',
  'ACTIVITY_STARTING',
  'BRAND_SUBMITTED',
  'BRAND_APPROVED',
  'BRAND_RETURNED',
  'APPEAL_ANSWERED',
  'NEED_RAISED',
  'NEED_ASSIGNED',
  'NEED_RETURNED',
  'NEED_PROGRESS',
  'NEED_RESOLVED',
  'NEED_REOPENED',
  'NEED_DEADLINE_SOON',
  'NEED_OVERDUE',
  'NEED_ESCALATED',
  'JOIN_REQUESTED',
  'JOIN_APPROVED',
  'JOIN_REJECTED',
  'REPRESENTATION_REQUESTED',
  'REPRESENTATION_APPROVED',
  'REPRESENTATION_REJECTED',
  'MEETING_DUE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationResponse {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Mini-program page to open, e.g. "/pages/activity-detail/index?id=3". */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface UnreadCountResponse {
  unread: number;
}
