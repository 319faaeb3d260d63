import {
  MEETING_LIMITS,
  type MeetingAttendanceStatus,
  type AttendeeInput,
  type CorrectMeetingRequest,
  type ImageResponse,
  type MeetingDetail,
  type MeetingInput,
  type MeetingKind,
} from '@torch-red/shared';
import { chinaDayAt } from '@/features/workspace/schedule';

/** How one person was counted; a person with no mark is not on the record. */
export interface AttendeeMark {
  status: MeetingAttendanceStatus;
  reason: string;
}

/** The editor's state: every field as the form holds it (empty strings for blanks). */
export interface MeetingDraft {
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  online: boolean;
  place: string;
  hostName: string;
  recorderName: string;
  topic: string;
  agenda: string;
  minutes: string;
  resolutions: string;
  images: ImageResponse[];
  marks: Record<string, AttendeeMark>;
}

const TWO_HOURS = 2 * 3600 * 1000;
const plusTwoHours = (iso: string) => new Date(new Date(iso).getTime() + TWO_HOURS).toISOString();

/** A blank record of one kind, today 09:00–11:00 China time. */
export function emptyMeetingDraft(kind: MeetingKind, now = new Date()): MeetingDraft {
  const startsAt = chinaDayAt(0, 9, now);
  return { kind, startsAt, endsAt: plusTwoHours(startsAt), online: false, place: '', hostName: '', recorderName: '', topic: '', agenda: '', minutes: '', resolutions: '', images: [], marks: {} };
}

export function draftFromMeeting(meeting: MeetingDetail): MeetingDraft {
  return {
    kind: meeting.kind,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt ?? plusTwoHours(meeting.startsAt),
    online: meeting.online,
    place: meeting.place ?? '',
    hostName: meeting.hostName ?? '',
    recorderName: meeting.recorderName ?? '',
    topic: meeting.topic,
    agenda: meeting.agenda ?? '',
    minutes: meeting.minutes ?? '',
    resolutions: meeting.resolutions ?? '',
    images: meeting.images,
    marks: Object.fromEntries(meeting.attendees.map((attendee) => [attendee.userId, { status: attendee.status, reason: attendee.reason ?? '' }])),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toMeetingInput(draft: MeetingDraft): MeetingInput {
  return {
    kind: draft.kind,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt || null,
    online: draft.online,
    place: orNull(draft.place),
    hostName: orNull(draft.hostName),
    recorderName: orNull(draft.recorderName),
    topic: draft.topic.trim(),
    agenda: orNull(draft.agenda),
    minutes: orNull(draft.minutes),
    resolutions: orNull(draft.resolutions),
    imageIds: draft.images.map((image) => image.id),
  };
}

export function toAttendees(draft: MeetingDraft): AttendeeInput[] {
  return Object.entries(draft.marks).map(([userId, mark]) => ({ userId, status: mark.status, reason: mark.status === 'LEAVE' ? mark.reason.trim() : null }));
}

/** Every present / leave / absent count of the draft. */
export function countMarks(marks: Record<string, AttendeeMark>): Record<MeetingAttendanceStatus, number> {
  const counts: Record<MeetingAttendanceStatus, number> = { PRESENT: 0, LEAVE: 0, ABSENT: 0 };
  for (const mark of Object.values(marks)) counts[mark.status] += 1;
  return counts;
}

/** 全部出席: everyone present, except those on leave (a leave with its reason is kept). */
export function markAllPresent(userIds: string[], marks: Record<string, AttendeeMark>): Record<string, AttendeeMark> {
  const next = { ...marks };
  for (const userId of userIds) {
    if (next[userId]?.status !== 'LEAVE') next[userId] = { status: 'PRESENT', reason: '' };
  }
  return next;
}

/**
 * What must be fixed before saving (`forArchive`: before archiving too), by field: the topic, times in order,
 * a reason for each leave, and for archiving at least one person counted.
 */
export function checkMeetingDraft(draft: MeetingDraft, forArchive: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.topic.trim() === '') problems.topic = '请填写会议议题';
  else if (draft.topic.trim().length > MEETING_LIMITS.topicMaxLength) problems.topic = `议题不能超过 ${MEETING_LIMITS.topicMaxLength} 字`;
  if (draft.endsAt && new Date(draft.endsAt).getTime() <= new Date(draft.startsAt).getTime()) problems.endsAt = '结束时间须晚于开始时间';
  if (Object.values(draft.marks).some((mark) => mark.status === 'LEAVE' && mark.reason.trim() === '')) problems.attendees = '请为请假的同志填写请假原因';
  else if (forArchive && Object.keys(draft.marks).length === 0) problems.attendees = '归档前请登记参会人员的出勤情况';
  return problems;
}

/**
 * An admin's correction of an archived record: every field, the whole attendance list (the record must keep at
 * least one person), and the 更正说明 that the audit log keeps with it.
 */
export function checkMeetingCorrection(draft: MeetingDraft, reason: string): Record<string, string> {
  const problems = checkMeetingDraft(draft, false);
  if (!problems.attendees && Object.keys(draft.marks).length === 0) problems.attendees = '归档的记录至少要保留一名参会人员';
  if (reason.trim() === '') problems.reason = '请填写更正说明，它会记入审计日志';
  else if (reason.trim().length > MEETING_LIMITS.reasonMaxLength) problems.reason = `更正说明不能超过 ${MEETING_LIMITS.reasonMaxLength} 字`;
  return problems;
}

/** Whether two drafts count the same people the same way (order aside). */
export function sameAttendance(a: MeetingDraft, b: MeetingDraft): boolean {
  const key = (draft: MeetingDraft) =>
    toAttendees(draft)
      .map((line) => `${line.userId}:${line.status}:${line.reason ?? ''}`)
      .sort()
      .join('|');
  return key(a) === key(b);
}

/**
 * The correction as sent: every field and the reason; the attendance list only when it differs from the record's,
 * so an untouched list is neither rewritten nor shown as changed in the audit log; a record without an end time
 * keeps none unless one was picked (the form offers start + 2 h).
 */
export function toCorrectRequest(draft: MeetingDraft, reason: string, original: MeetingDetail): CorrectMeetingRequest {
  const before = draftFromMeeting(original);
  const input = toMeetingInput(draft);
  const endsAt = original.endsAt === null && draft.endsAt === before.endsAt ? null : input.endsAt;
  const request: CorrectMeetingRequest = { ...input, endsAt, reason: reason.trim() };
  return sameAttendance(draft, before) ? request : { ...request, attendees: toAttendees(draft) };
}
