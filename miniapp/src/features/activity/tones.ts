import type { ActivityPhase, ActivityStatus, RegistrationStatus } from '@torch-red/shared';
import type { TagTone } from '@/components/status-tag';

export const PHASE_TONES: Record<ActivityPhase, TagTone> = {
  NOT_OPEN: 'info',
  SIGNUP_OPEN: 'success',
  SIGNUP_CLOSED: 'muted',
  ONGOING: 'warning',
  ENDED: 'muted',
};

export const ACTIVITY_STATUS_TONES: Record<ActivityStatus, TagTone> = {
  DRAFT: 'gold',
  PUBLISHED: 'success',
  CANCELLED: 'muted',
};

export const REGISTRATION_TONES: Record<RegistrationStatus, TagTone> = {
  CONFIRMED: 'success',
  WAITLISTED: 'warning',
  PENDING: 'info',
  REJECTED: 'danger',
  CANCELLED: 'muted',
};
