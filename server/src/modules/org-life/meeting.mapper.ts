import type { ImageResponse, MeetingAttendee, MeetingDetail, MeetingSummary } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { MeetingAttendeeEntity, MeetingEntity } from './meeting.entity';

export function toMeetingSummary(m: MeetingEntity, orgName: string): MeetingSummary {
  return {
    id: String(m.id),
    orgId: String(m.orgId),
    orgName,
    kind: m.kind,
    status: m.status,
    startsAt: m.startsAt.toISOString(),
    topic: m.topic,
    place: m.place,
    counts: { present: m.presentCount, leave: m.leaveCount, absent: m.absentCount },
    archivedAt: toIso(m.archivedAt),
  };
}

export function toAttendee(a: MeetingAttendeeEntity): MeetingAttendee {
  return { userId: String(a.userId), name: a.name, status: a.status, reason: a.reason };
}

export interface DetailParts {
  orgName: string;
  attendees: MeetingAttendeeEntity[];
  images: ImageResponse[];
  canEdit: boolean;
  canCorrect: boolean;
}

export function toMeetingDetail(m: MeetingEntity, parts: DetailParts): MeetingDetail {
  return {
    ...toMeetingSummary(m, parts.orgName),
    endsAt: toIso(m.endsAt),
    online: m.online,
    hostName: m.hostName,
    recorderName: m.recorderName,
    agenda: m.agenda,
    minutes: m.minutes,
    resolutions: m.resolutions,
    images: parts.images,
    attendees: parts.attendees.map(toAttendee),
    fromActivityId: m.fromActivityId === null ? null : String(m.fromActivityId),
    canEdit: parts.canEdit,
    canCorrect: parts.canCorrect,
  };
}

/** What the audit log keeps of a record (before and after an admin's correction): everything but the photos' URLs. */
export function auditView(m: MeetingEntity, attendees: MeetingAttendeeEntity[], imageIds: number[]): Record<string, unknown> {
  return {
    kind: m.kind,
    startsAt: m.startsAt.toISOString(),
    endsAt: toIso(m.endsAt),
    place: m.place,
    online: m.online,
    hostName: m.hostName,
    recorderName: m.recorderName,
    topic: m.topic,
    agenda: m.agenda,
    minutes: m.minutes,
    resolutions: m.resolutions,
    imageIds,
    attendees: attendees.map((a) => ({ userId: a.userId, name: a.name, status: a.status, reason: a.reason })),
  };
}
