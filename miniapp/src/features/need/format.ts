import { NEED_STATUS_LABELS, type AssignmentStatus, type NeedStatus, type NeedUrgency } from '@torch-red/shared';
import type { TagTone } from '@/components/status-tag';
import { chinaDayAt } from '@/features/workspace/schedule';

export const NEED_STATUS_TONES: Record<NeedStatus, TagTone> = {
  SUBMITTED: 'warning',
  DISPATCHED: 'info',
  IN_PROGRESS: 'brand',
  RESOLVED: 'gold',
  CLOSED: 'success',
  MERGED: 'muted',
};

export const ASSIGNMENT_STATUS_TONES: Record<AssignmentStatus, TagTone> = {
  PENDING: 'info',
  ACCEPTED: 'brand',
  RETURNED: 'warning',
  RESOLVED: 'success',
  CANCELLED: 'muted',
};

export const URGENCY_TONES: Record<NeedUrgency, TagTone> = { NORMAL: 'muted', URGENT: 'warning', CRITICAL: 'danger' };

export const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** A deadline a week out at 18:00 China time: the dispatch dialog's default. */
export const defaultDeadline = (now = new Date()) => chinaDayAt(7, 18, now);

/** `3.5 小时` / `2.1 天` */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48 ? `${hours.toFixed(1)} 小时` : `${(hours / 24).toFixed(1)} 天`;
}

/** The need as a whole, in the words a department handler needs (RESOLVED waits for the enterprise). */
export const overallLabel = (status: NeedStatus): string => (status === 'RESOLVED' ? '待企业评价' : NEED_STATUS_LABELS[status]);

/** A China calendar day "2026-11-03" as 11月03日, like the app's other dates (formatDateTime). */
export function formatDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${month}月${date}日`;
}
