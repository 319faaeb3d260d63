import { NEED_STATUS_LABELS, type AssignmentStatus, type NeedStatus, type NeedUrgency } from '@torch-red/shared';
import type { TagTone } from '@/components/status-tag';

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



/** The need as a whole, in the words a department handler needs (RESOLVED waits for the enterprise). */
export const overallLabel = (status: NeedStatus): string => (status === 'RESOLVED' ? '待企业评价' : NEED_STATUS_LABELS[status]);

