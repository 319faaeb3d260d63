import type { MeetingAttendanceStatus, ComplianceState, MeetingStatus } from '@torch-red/shared';
import type { TagTone } from '@/components/status-tag';

export const COMPLIANCE_TONES: Record<ComplianceState, TagTone> = {
  DONE: 'success',
  DUE: 'warning',
  OVERDUE: 'danger',
  UPCOMING: 'muted',
};

export const ATTENDANCE_TONES: Record<MeetingAttendanceStatus, TagTone> = {
  PRESENT: 'success',
  LEAVE: 'warning',
  ABSENT: 'brand',
};

export const MEETING_STATUS_TONES: Record<MeetingStatus, TagTone> = {
  DRAFT: 'gold',
  ARCHIVED: 'success',
};
