import { ATTENDANCE_STATUSES, REGISTRATION_STATUSES, type ActivityStatus, type AttendanceStatus, type RegistrationStatus } from './activity';
import {
  ACTIVE_REGISTRATION_STATUSES,
  ATTENDANCE_EVENTS,
  ATTENDANCE_TRANSITIONS,
  REGISTRATION_EVENTS,
  REGISTRATION_STATES,
  REGISTRATION_TRANSITIONS,
  allowedAttendeeActions,
  allowedRegistrationActions,
  attendanceApplies,
  canAttendance,
  canRegistration,
  isCancelDeadlinePassed,
  isCheckinOpen,
  isRegistrationActive,
  markAttendanceEvent,
  nextAttendance,
  nextRegistration,
} from './registration-state';
import { expectTransitions } from './testing/transitions';

const HOUR = 3600 * 1000;

describe('registration state machine', () => {
  it('allows exactly the steps RegistrationService takes, from every state', () => {
    expect(REGISTRATION_STATES).toEqual(['NONE', ...REGISTRATION_STATUSES]);
    expectTransitions(REGISTRATION_STATES, REGISTRATION_EVENTS, { next: nextRegistration, can: canRegistration }, `
      NONE register CONFIRMED
      NONE registerForReview PENDING
      NONE registerOnWaitlist WAITLISTED
      CANCELLED register CONFIRMED
      CANCELLED registerForReview PENDING
      CANCELLED registerOnWaitlist WAITLISTED
      PENDING approve CONFIRMED
      PENDING approveOnWaitlist WAITLISTED
      PENDING reject REJECTED
      WAITLISTED reject REJECTED
      WAITLISTED promote CONFIRMED
      WAITLISTED promoteForReview PENDING
      PENDING cancel CANCELLED
      CONFIRMED cancel CANCELLED
      WAITLISTED cancel CANCELLED
    `);
  });

  it('has a row for every state and only known events', () => {
    expect(Object.keys(REGISTRATION_TRANSITIONS).sort()).toEqual([...REGISTRATION_STATES].sort());
    for (const row of Object.values(REGISTRATION_TRANSITIONS)) for (const e of Object.keys(row)) expect(REGISTRATION_EVENTS).toContain(e);
  });

  it('calls active the registrations a member may cancel', () => {
    expect(ACTIVE_REGISTRATION_STATUSES).toEqual(['PENDING', 'CONFIRMED', 'WAITLISTED']);
    for (const s of REGISTRATION_STATUSES) expect([s, isRegistrationActive(s)]).toEqual([s, canRegistration(s, 'cancel')]);
  });
});

describe('attendance state machine', () => {
  it('lets the member check in (again is a no-op) or ask for leave until checked in; a manager sets anything', () => {
    const marks = ATTENDANCE_STATUSES.flatMap((from) => ATTENDANCE_STATUSES.map((to) => `${from} ${markAttendanceEvent(to)} ${to}`)).join('\n');
    expectTransitions(ATTENDANCE_STATUSES, ATTENDANCE_EVENTS, { next: nextAttendance, can: canAttendance }, `
      NONE checkIn CHECKED_IN
      CHECKED_IN checkIn CHECKED_IN
      LEAVE checkIn CHECKED_IN
      NO_SHOW checkIn CHECKED_IN
      NONE leave LEAVE
      LEAVE leave LEAVE
      NO_SHOW leave LEAVE
      ${marks}
    `);
    expect(Object.keys(ATTENDANCE_TRANSITIONS).sort()).toEqual([...ATTENDANCE_STATUSES].sort());
  });

  it('maps each attendance to the manager event that sets it', () => {
    expect(ATTENDANCE_STATUSES.map(markAttendanceEvent)).toEqual(['markNone', 'markCheckedIn', 'markLeave', 'markNoShow']);
  });

  it('applies only to a confirmed place', () => {
    expect(REGISTRATION_STATES.filter(attendanceApplies)).toEqual(['CONFIRMED']);
  });
});

describe('registration time rules', () => {
  const start = Date.parse('2026-12-10T02:00:00Z');
  const activity = { status: 'PUBLISHED' as ActivityStatus, startAt: new Date(start), endAt: new Date(start + 2 * HOUR), cancelDeadline: null as Date | null };

  it('opens check-in one hour before the start and closes it at the end, both included', () => {
    expect(isCheckinOpen(activity, start - HOUR - 1)).toBe(false);
    expect(isCheckinOpen(activity, start - HOUR)).toBe(true);
    expect(isCheckinOpen(activity, new Date(start + 2 * HOUR).toISOString())).toBe(true);
    expect(isCheckinOpen(activity, start + 2 * HOUR + 1)).toBe(false);
  });

  it('takes cancellations of a published activity until the cancel deadline, else the start', () => {
    expect(isCancelDeadlinePassed(activity, start)).toBe(false);
    expect(isCancelDeadlinePassed(activity, start + 1)).toBe(true);
    const early = { ...activity, cancelDeadline: new Date(start - 24 * HOUR) };
    expect(isCancelDeadlinePassed(early, start - 24 * HOUR)).toBe(false);
    expect(isCancelDeadlinePassed(early, start - 24 * HOUR + 1)).toBe(true);
    expect(isCancelDeadlinePassed({ ...early, status: 'CANCELLED' }, start + 10 * HOUR)).toBe(false);
  });
});

describe('what the member may do with their registration', () => {
  const start = Date.parse('2026-12-10T02:00:00Z');
  const base = { status: 'PUBLISHED' as ActivityStatus, startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * HOUR).toISOString(), cancelDeadline: null };
  const before = start - 48 * HOUR;
  const during = start + HOUR;

  it('follows the table for every status and attendance, before the start', () => {
    for (const status of REGISTRATION_STATUSES) {
      for (const attendance of ATTENDANCE_STATUSES) {
        const flags = allowedRegistrationActions({ status, attendance }, base, before);
        expect({ status, attendance, ...flags }).toEqual({
          status,
          attendance,
          canCancel: ['PENDING', 'CONFIRMED', 'WAITLISTED'].includes(status),
          canLeave: status === 'CONFIRMED' && attendance !== 'CHECKED_IN',
          canCheckIn: false,
        });
      }
    }
  });

  it('offers check-in only in the window to a confirmed person not yet checked in; cancelling ends at the deadline', () => {
    const confirmed = (attendance: AttendanceStatus) => allowedRegistrationActions({ status: 'CONFIRMED', attendance }, base, during);
    expect(confirmed('NONE')).toEqual({ canCancel: false, canLeave: true, canCheckIn: true });
    expect(confirmed('LEAVE')).toEqual({ canCancel: false, canLeave: true, canCheckIn: true });
    expect(confirmed('CHECKED_IN')).toEqual({ canCancel: false, canLeave: false, canCheckIn: false });
    for (const status of ['PENDING', 'WAITLISTED', 'REJECTED', 'CANCELLED'] as RegistrationStatus[]) {
      expect(allowedRegistrationActions({ status, attendance: 'NONE' }, base, during).canCheckIn).toBe(false);
    }
  });

  it('lets people cancel out of a cancelled activity at any time but nothing else; drafts allow nothing', () => {
    const cancelled = { ...base, status: 'CANCELLED' as ActivityStatus };
    expect(allowedRegistrationActions({ status: 'CONFIRMED', attendance: 'NONE' }, cancelled, during)).toEqual({ canCancel: true, canLeave: false, canCheckIn: false });
    expect(allowedRegistrationActions({ status: 'REJECTED', attendance: 'NONE' }, cancelled, during)).toEqual({ canCancel: false, canLeave: false, canCheckIn: false });
    const draft = { ...base, status: 'DRAFT' as ActivityStatus };
    expect(allowedRegistrationActions({ status: 'CONFIRMED', attendance: 'NONE' }, draft, during)).toEqual({ canCancel: false, canLeave: false, canCheckIn: false });
  });
});

describe('what a manager may do with an attendee', () => {
  it('approves pending people of a published activity, rejects pending or waitlisted ones, records attendance of confirmed ones', () => {
    for (const activity of ['DRAFT', 'PUBLISHED', 'CANCELLED'] as ActivityStatus[]) {
      for (const status of REGISTRATION_STATUSES) {
        expect({ activity, status, ...allowedAttendeeActions({ status }, { status: activity }) }).toEqual({
          activity,
          status,
          canApprove: activity === 'PUBLISHED' && status === 'PENDING',
          canReject: status === 'PENDING' || status === 'WAITLISTED',
          canMarkAttendance: status === 'CONFIRMED',
        });
      }
    }
  });
});
