import type { MeetingDetail } from '@torch-red/shared';
import { checkMeetingDraft, draftFromMeeting, emptyMeetingDraft, markAllPresent, toAttendees, toMeetingInput } from './meeting-draft';

const detail: MeetingDetail = {
  id: '5',
  orgId: '3',
  orgName: '明阳风电第一党支部',
  kind: 'THEME_DAY',
  status: 'DRAFT',
  startsAt: '2026-03-31T15:30:00.000Z',
  topic: '重温入党誓词',
  place: null,
  counts: { present: 1, leave: 1, absent: 0 },
  archivedAt: null,
  endsAt: null,
  online: true,
  hostName: '刘洋',
  recorderName: null,
  agenda: null,
  minutes: '全体党员重温入党誓词。',
  resolutions: null,
  images: [],
  attendees: [
    { userId: '11', name: '张伟', status: 'PRESENT', reason: null },
    { userId: '12', name: '王芳', status: 'LEAVE', reason: '出差' },
  ],
  fromActivityId: '9',
  canEdit: true,
  canCorrect: false,
};

describe('meeting draft', () => {
  it('round-trips a record: blanks become null, leave keeps its reason, an end time is offered', () => {
    const draft = draftFromMeeting(detail);
    expect(draft.endsAt).toBe('2026-03-31T17:30:00.000Z');
    const input = toMeetingInput(draft);
    expect(input).toMatchObject({ kind: 'THEME_DAY', topic: '重温入党誓词', place: null, online: true, hostName: '刘洋', recorderName: null, imageIds: [] });
    expect(toAttendees(draft)).toEqual([
      { userId: '11', status: 'PRESENT', reason: null },
      { userId: '12', status: 'LEAVE', reason: '出差' },
    ]);
  });

  it('全部出席 marks everyone present but keeps a leave', () => {
    const marks = markAllPresent(['11', '12', '13'], { '12': { status: 'LEAVE', reason: '出差' }, '13': { status: 'ABSENT', reason: '' } });
    expect(marks).toEqual({ '11': { status: 'PRESENT', reason: '' }, '12': { status: 'LEAVE', reason: '出差' }, '13': { status: 'PRESENT', reason: '' } });
  });

  it('asks for a topic, a reason for each leave, and attendance before archiving', () => {
    const blank = emptyMeetingDraft('PARTY_CONGRESS', new Date('2026-05-06T02:00:00Z'));
    expect(blank.startsAt).toBe('2026-05-06T09:00:00+08:00');
    expect(checkMeetingDraft(blank, false)).toEqual({ topic: '请填写会议议题' });
    const named = { ...blank, topic: '选举支部委员' };
    expect(checkMeetingDraft(named, false)).toEqual({});
    expect(checkMeetingDraft(named, true)).toEqual({ attendees: '归档前请登记参会人员的出勤情况' });
    expect(checkMeetingDraft({ ...named, marks: { '1': { status: 'LEAVE', reason: ' ' } } }, false)).toEqual({ attendees: '请为请假的同志填写请假原因' });
    expect(checkMeetingDraft({ ...named, endsAt: named.startsAt }, false)).toEqual({ endsAt: '结束时间须晚于开始时间' });
  });
});
