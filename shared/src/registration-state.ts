import { REGISTRATION_STATUSES, type ActivityStatus, type AttendanceStatus, type RegistrationStatus } from './activity';
import { nextState, statesAccepting, toMillis, type Instant, type TransitionTable } from './state-machine';

/**
 * Activity sign-up (报名) as a transition table. 'NONE' is a person with no registration row yet.
 *
 * Who does what (the server checks the "who"; this table is the "from which state"):
 * - the member: register* (the outcome depends on the activity: approval needed → PENDING, a free seat →
 *   CONFIRMED, full with a waitlist → WAITLISTED, full without one → refused) and cancel;
 * - a manager of the activity (its org's secretary, its committee, an admin): approve*, reject;
 * - the server, when a seat frees up: promote* (to review when the activity needs approval).
 * A rejected registration is final: signing up again returns it unchanged. A cancelled one may sign up again.
 */
export type RegistrationState = 'NONE' | RegistrationStatus;
export const REGISTRATION_STATES: readonly RegistrationState[] = ['NONE', ...REGISTRATION_STATUSES];

export const REGISTRATION_EVENTS = [
  'register',
  'registerForReview',
  'registerOnWaitlist',
  'approve',
  'approveOnWaitlist',
  'reject',
  'promote',
  'promoteForReview',
  'cancel',
] as const;
export type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

const SIGN_UP = { register: 'CONFIRMED', registerForReview: 'PENDING', registerOnWaitlist: 'WAITLISTED' } as const;

export const REGISTRATION_TRANSITIONS: TransitionTable<RegistrationState, RegistrationEvent> = {
  NONE: SIGN_UP,
  PENDING: { approve: 'CONFIRMED', approveOnWaitlist: 'WAITLISTED', reject: 'REJECTED', cancel: 'CANCELLED' },
  CONFIRMED: { cancel: 'CANCELLED' },
  WAITLISTED: { promote: 'CONFIRMED', promoteForReview: 'PENDING', reject: 'REJECTED', cancel: 'CANCELLED' },
  REJECTED: {},
  CANCELLED: SIGN_UP,
};

export function canRegistration(state: RegistrationState, event: RegistrationEvent): boolean {
  return nextState(REGISTRATION_TRANSITIONS, state, event) !== null;
}

export function nextRegistration(state: RegistrationState, event: RegistrationEvent): RegistrationState | null {
  return nextState(REGISTRATION_TRANSITIONS, state, event);
}

/** Registrations that hold or wait for a seat: the ones a member may still cancel. */
export const ACTIVE_REGISTRATION_STATUSES = statesAccepting(REGISTRATION_TRANSITIONS, 'cancel') as RegistrationStatus[];

export function isRegistrationActive(status: RegistrationStatus): boolean {
  return ACTIVE_REGISTRATION_STATUSES.includes(status);
}

// ── Attendance (签到 / 请假 / 缺席) ──────────────────────────────────────────

/**
 * Attendance of a CONFIRMED registration. The member checks in with the venue code (again is a no-op) or
 * asks for leave (not once checked in); a manager may set any attendance ('mark*').
 */
export const ATTENDANCE_EVENTS = ['checkIn', 'leave', 'markNone', 'markCheckedIn', 'markLeave', 'markNoShow'] as const;
export type AttendanceEvent = (typeof ATTENDANCE_EVENTS)[number];

const MARK = { markNone: 'NONE', markCheckedIn: 'CHECKED_IN', markLeave: 'LEAVE', markNoShow: 'NO_SHOW' } as const;

export const ATTENDANCE_TRANSITIONS: TransitionTable<AttendanceStatus, AttendanceEvent> = {
  NONE: { checkIn: 'CHECKED_IN', leave: 'LEAVE', ...MARK },
  CHECKED_IN: { checkIn: 'CHECKED_IN', ...MARK },
  LEAVE: { checkIn: 'CHECKED_IN', leave: 'LEAVE', ...MARK },
  NO_SHOW: { checkIn: 'CHECKED_IN', leave: 'LEAVE', ...MARK },
};

/** The manager's event that sets `attendance`. */
export function markAttendanceEvent(attendance: AttendanceStatus): AttendanceEvent {
  return (Object.keys(MARK) as Array<keyof typeof MARK>).find((e) => MARK[e] === attendance)!;
}

/** Only a confirmed place has attendance. */
export function attendanceApplies(status: RegistrationState): boolean {
  return status === 'CONFIRMED';
}

export function canAttendance(attendance: AttendanceStatus, event: AttendanceEvent): boolean {
  return nextState(ATTENDANCE_TRANSITIONS, attendance, event) !== null;
}

export function nextAttendance(attendance: AttendanceStatus, event: AttendanceEvent): AttendanceStatus | null {
  return nextState(ATTENDANCE_TRANSITIONS, attendance, event);
}

// ── Time rules and what the caller may do next ──────────────────────────────

/** Check-in opens this long before the start and closes at the end. */
export const CHECKIN_OPENS_BEFORE_START_MS = 3600 * 1000;

export function isCheckinOpen(activity: { startAt: Instant; endAt: Instant }, now: Instant): boolean {
  const t = toMillis(now);
  return t >= toMillis(activity.startAt) - CHECKIN_OPENS_BEFORE_START_MS && t <= toMillis(activity.endAt);
}

/** A published activity takes cancellations until its cancel deadline (its start when none is set). */
export function isCancelDeadlinePassed(activity: { status: ActivityStatus; startAt: Instant; cancelDeadline: Instant | null }, now: Instant): boolean {
  return activity.status === 'PUBLISHED' && toMillis(now) > toMillis(activity.cancelDeadline ?? activity.startAt);
}

export interface RegistrationActivity {
  status: ActivityStatus;
  startAt: Instant;
  endAt: Instant;
  cancelDeadline: Instant | null;
}

/** What the member may do next with their own registration. */
export interface RegistrationActions {
  canCancel: boolean;
  /** Ask for leave (请假); again to change the reason. */
  canLeave: boolean;
  /** Check in now (the window is open and they have not checked in yet). */
  canCheckIn: boolean;
}

export function allowedRegistrationActions(
  registration: { status: RegistrationStatus; attendance: AttendanceStatus },
  activity: RegistrationActivity,
  now: Instant,
): RegistrationActions {
  const published = activity.status === 'PUBLISHED';
  const attending = attendanceApplies(registration.status);
  return {
    canCancel: canRegistration(registration.status, 'cancel') && activity.status !== 'DRAFT' && !isCancelDeadlinePassed(activity, now),
    canLeave: published && attending && canAttendance(registration.attendance, 'leave'),
    canCheckIn: published && attending && nextAttendance(registration.attendance, 'checkIn') !== registration.attendance && isCheckinOpen(activity, now),
  };
}

/** What a manager of the activity may do next with one attendee. */
export interface AttendeeActions {
  canApprove: boolean;
  canReject: boolean;
  /** Record attendance (签到 / 请假 / 缺席); the times each one is allowed are checked by the server. */
  canMarkAttendance: boolean;
}

export function allowedAttendeeActions(registration: { status: RegistrationStatus }, activity: { status: ActivityStatus }): AttendeeActions {
  return {
    canApprove: activity.status === 'PUBLISHED' && canRegistration(registration.status, 'approve'),
    canReject: canRegistration(registration.status, 'reject'),
    canMarkAttendance: attendanceApplies(registration.status),
  };
}
