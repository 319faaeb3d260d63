import type { AppealProgress, AppealStatus, RegistrationStatus } from '@torch-red/shared';

/**
 * The raiser's view of an appeal. An answer (or 持续跟进) shows as such whatever the registration; otherwise the
 * registration decides: in review → 已提交, accepted or waitlisted → 待答复, rejected / cancelled → closed.
 */
export function appealProgress(status: AppealStatus, registration: RegistrationStatus | null): AppealProgress {
  if (status === 'ANSWERED') return 'ANSWERED';
  if (status === 'FOLLOW_UP') return 'FOLLOW_UP';
  switch (registration) {
    case 'CONFIRMED':
    case 'WAITLISTED':
      return 'AWAITING_ANSWER';
    case 'REJECTED':
      return 'NOT_ACCEPTED';
    case 'CANCELLED':
    case null:
      return 'WITHDRAWN';
    default:
      return 'SUBMITTED';
  }
}
