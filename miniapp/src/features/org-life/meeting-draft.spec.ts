import type { MeetingDetail } from '@torch-red/shared';
import { checkMeetingCorrection, checkMeetingDraft, draftFromMeeting, emptyMeetingDraft, markAllPresent, toAttendees, toCorrectRequest, toMeetingInput } from './meeting-draft';

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

  it('a correction needs a 更正说明 and keeps at least one person; it sends every field, the list and the reason', () => {
    const draft = { ...draftFromMeeting({ ...detail, status: 'ARCHIVED', canEdit: false, canCorrect: true }), minutes: '补记：张伟同志领学。' };
    expect(checkMeetingCorrection(draft, '  ')).toEqual({ reason: '请填写更正说明，它会记入审计日志' });
    expect(checkMeetingCorrection(draft, '补'.repeat(201))).toEqual({ reason: '更正说明不能超过 200 字' });
    expect(checkMeetingCorrection({ ...draft, marks: {} }, '补录纪要')).toEqual({ attendees: '归档的记录至少要保留一名参会人员' });
    expect(checkMeetingCorrection({ ...draft, topic: '' }, '补录纪要')).toEqual({ topic: '请填写会议议题' });
    expect(checkMeetingCorrection(draft, '补录纪要')).toEqual({});
    const original = { ...detail, status: 'ARCHIVED' as const, endsAt: '2026-03-31T17:00:00.000Z' };
    // The list untouched (in any order): not sent, so it is neither rewritten nor logged as changed.
    const reordered = { ...draft, marks: { '12': draft.marks['12'], '11': draft.marks['11'] } };
    expect(toCorrectRequest({ ...reordered, endsAt: original.endsAt }, ' 补录纪要 ', original)).toEqual({ ...toMeetingInput(draft), endsAt: original.endsAt, minutes: '补记：张伟同志领学。', reason: '补录纪要' });
    // 王芳 was present after all: the whole list goes.
    const changed = { ...draft, marks: { ...draft.marks, '12': { status: 'PRESENT' as const, reason: '' } } };
    expect(toCorrectRequest(changed, '补录纪要', detail)).toEqual({
      ...toMeetingInput(draft),
      endsAt: null,
      attendees: [
        { userId: '11', status: 'PRESENT', reason: null },
        { userId: '12', status: 'PRESENT', reason: null },
      ],
      reason: '补录纪要',
    });
    // A leave's reason reworded is a change too.
    expect(toCorrectRequest({ ...draft, marks: { ...draft.marks, '12': { status: 'LEAVE', reason: '外出培训' } } }, '改请假原因', original).attendees).toHaveLength(2);
    // No end time on the record: the form's offered one is not sent, a picked one is.
    expect(toCorrectRequest(draft, '补录纪要', detail).endsAt).toBeNull();
    expect(toCorrectRequest({ ...draft, endsAt: '2026-03-31T16:30:00.000Z' }, '补录纪要', detail).endsAt).toBe('2026-03-31T16:30:00.000Z');
  });
});
