import { allowedAttendeeActions, allowedRegistrationActions } from '@torch-red/shared';
import type { ActivityPhase, ActivityResponse, AttendeeResponse, MyRegistrationResponse, RegistrationResponse } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { ActivityEntity } from './activity.entity';
import type { ActivityView } from './activity.repository';
import type { RegistrationEntity } from './registration.entity';

export interface ActivityCounts {
  waitlistCount: number;
  pendingCount: number;
}

export function phaseOf(a: ActivityView, now: Date): ActivityPhase | null {
  if (a.status !== 'PUBLISHED') return null;
  const t = now.getTime();
  if (t >= a.endAt.getTime()) return 'ENDED';
  if (t >= a.startAt.getTime()) return 'ONGOING';
  const opens = (a.signupStartAt ?? a.publishedAt ?? a.createdAt).getTime();
  if (t < opens) return 'NOT_OPEN';
  if (t > a.signupEndAt.getTime()) return 'SIGNUP_CLOSED';
  return 'SIGNUP_OPEN';
}

export function toActivityResponse(a: ActivityView, orgName: string, counts: ActivityCounts, now: Date): ActivityResponse {
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
    startAt: toIso(a.startAt),
    endAt: toIso(a.endAt),
    signupStartAt: toIso(a.signupStartAt),
    signupEndAt: toIso(a.signupEndAt),
    capacity: a.capacity,
    waitlist: a.waitlist,
    requiresApproval: a.requiresApproval,
    cancelDeadline: toIso(a.cancelDeadline),
    formFields: a.formFields,
    visibility: a.visibility,
    status: a.status,
    phase: phaseOf(a, now),
    publishedAt: toIso(a.publishedAt),
    cancelledAt: toIso(a.cancelledAt),
    cancelReason: a.cancelReason,
    confirmedCount: a.confirmedCount,
    waitlistCount: counts.waitlistCount,
    pendingCount: counts.pendingCount,
    createdAt: toIso(a.createdAt),
    updatedAt: toIso(a.updatedAt),
  };
}

export function toRegistrationResponse(r: RegistrationEntity, waitlistPosition: number | null): RegistrationResponse {
  return {
    id: String(r.id),
    activityId: String(r.activityId),
    status: r.status,
    waitlistPosition: r.status === 'WAITLISTED' ? waitlistPosition : null,
    answers: r.answers,
    attendance: r.attendance,
    leaveReason: r.leaveReason,
    rejectReason: r.rejectReason,
    checkedInAt: toIso(r.checkedInAt),
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

/** The caller's own registration, with what they may do next (the shared registration state machine). */
export function toMyRegistrationResponse(r: RegistrationEntity, waitlistPosition: number | null, activity: ActivityView, now: Date): MyRegistrationResponse {
  return { ...toRegistrationResponse(r, waitlistPosition), ...allowedRegistrationActions(r, activity, now) };
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
