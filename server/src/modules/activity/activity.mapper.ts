import { allowedAttendeeActions, allowedRegistrationActions } from '@torch-red/shared';
import type { ActivityPhase, ActivityResponse, AttendeeResponse, MyRegistrationResponse, RegistrationResponse } from '@torch-red/shared';
import { isoOf, type Time } from '../../database/sql-time';
import type { ActivityEntity } from './activity.entity';
import type { ActivityView, RegistrationView } from './activity.repository';
import type { RegistrationEntity } from './registration.entity';

export interface ActivityCounts {
  waitlistCount: number;
  pendingCount: number;
}

/**
 * Where a published activity stands at `now`, from ISO text: text of one shape ('…T…Z', UTC, millisecond)
 * orders as the times do, so no Date is built.
 */
function phaseAt(
  status: string,
  t: { startAt: string; endAt: string; signupStartAt: string | null; signupEndAt: string; publishedAt: string | null; createdAt: string },
  now: string,
): ActivityPhase | null {
  if (status !== 'PUBLISHED') return null;
  if (now >= t.endAt) return 'ENDED';
  if (now >= t.startAt) return 'ONGOING';
  if (now < (t.signupStartAt ?? t.publishedAt ?? t.createdAt)) return 'NOT_OPEN';
  if (now > t.signupEndAt) return 'SIGNUP_CLOSED';
  return 'SIGNUP_OPEN';
}

/** `now` as ISO text may be given once for a whole page instead of a Date per row. */
export function toActivityResponse(a: ActivityView<Time>, orgName: string, counts: ActivityCounts, now: Time): ActivityResponse {
  const startAt = isoOf(a.startAt);
  const endAt = isoOf(a.endAt);
  const signupStartAt = isoOf(a.signupStartAt);
  const signupEndAt = isoOf(a.signupEndAt);
  const publishedAt = isoOf(a.publishedAt);
  const createdAt = isoOf(a.createdAt);
  return {
    id: String(a.id),
    orgId: String(a.orgId),
    orgName,
    title: a.title,
    type: a.type,
    description: a.description,
    coverUrl: a.coverUrl,
    location: a.location,
    onlineUrl: a.onlineUrl,
    startAt,
    endAt,
    signupStartAt,
    signupEndAt,
    capacity: a.capacity,
    waitlist: a.waitlist,
    requiresApproval: a.requiresApproval,
    cancelDeadline: isoOf(a.cancelDeadline),
    formFields: a.formFields,
    visibility: a.visibility,
    status: a.status,
    phase: phaseAt(a.status, { startAt, endAt, signupStartAt, signupEndAt, publishedAt, createdAt }, isoOf(now)),
    publishedAt,
    cancelledAt: isoOf(a.cancelledAt),
    cancelReason: a.cancelReason,
    confirmedCount: a.confirmedCount,
    waitlistCount: counts.waitlistCount,
    pendingCount: counts.pendingCount,
    createdAt,
    updatedAt: isoOf(a.updatedAt),
  };
}

export function toRegistrationResponse(r: RegistrationView<Time>, waitlistPosition: number | null): RegistrationResponse {
  return {
    id: String(r.id),
    activityId: String(r.activityId),
    status: r.status,
    waitlistPosition: r.status === 'WAITLISTED' ? waitlistPosition : null,
    answers: r.answers,
    attendance: r.attendance,
    leaveReason: r.leaveReason,
    rejectReason: r.rejectReason,
    checkedInAt: isoOf(r.checkedInAt),
    createdAt: isoOf(r.createdAt),
    updatedAt: isoOf(r.updatedAt),
  };
}

/** The caller's own registration, with what they may do next (the shared registration state machine). */
export function toMyRegistrationResponse(r: RegistrationView<Time>, waitlistPosition: number | null, activity: ActivityView<Time>, now: Time): MyRegistrationResponse {
  return Object.assign(toRegistrationResponse(r, waitlistPosition), allowedRegistrationActions(r, activity, now));
}

/** `activity`: the attendee's activity, for what its manager may do next. */
export function toAttendeeResponse(
  r: RegistrationEntity,
  position: number | null,
  person: { name: string; phone: string | null; orgName: string | null; enterpriseName: string | null },
  activity: Pick<ActivityEntity, 'status'>,
): AttendeeResponse {
  return { ...toRegistrationResponse(r, position), userId: String(r.userId), ...person, ...allowedAttendeeActions(r, activity) };
}
