import type {
  AttendeeInput,
  AuditLogResponse,
  BindingCodeResponse,
  AttendeeResponse,
  ComplianceResponse,
  ComplianceRow,
  MeetingActivityItem,
  MeetingCalendarResponse,
  MeetingDetail,
  MeetingInput,
  MeetingSummary,
  MyMeetingItem,
  NotificationResponse,
  OrgResponse,
  Page,
  UserResponse,
} from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { Clock } from '../src/common/clock';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { Tx } from '../src/database/tx.service';
import { NotificationService } from '../src/modules/notification/notification.service';
import { MeetingDue } from '../src/modules/org-life/meeting-due.service';
import { MeetingReminderJob } from '../src/modules/org-life/meeting-reminder.job';
import { OrgDirectory } from '../src/modules/org/org-directory.service';
import { LeaseService } from '../src/modules/scheduler/lease.service';
import { SchedulerService } from '../src/modules/scheduler/scheduler.service';
import { PeopleDirectory } from '../src/modules/user/people-directory.service';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { devLogin } from './factories/auth.factory';
import { createPerson, createWorld, type World, type WorldPerson } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;

const body = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: 'BRANCH_COMMITTEE',
  startsAt: '2026-05-12T14:00:00+08:00',
  endsAt: '2026-05-12T16:00:00+08:00',
  place: '党员活动室',
  hostName: '支部书记',
  recorderName: '组织委员',
  topic: '研究发展党员工作',
  agenda: '一、学习；二、讨论',
  minutes: '会议由书记主持。',
  resolutions: '同意列为发展对象。',
  ...overrides,
});

describe.each(DATABASES)('组织生活 on %s', (db) => {
  let t: TestApp;
  let world: World;
  let admin: Auth;
  let secretary: Auth;
  let member: Auth;
  let sisterMember: WorldPerson;
  let otherCommittee: WorldPerson;

  const clock = () => t.app.get(Clock);
  /** Moves the app's clock to an absolute instant. */
  const travelTo = (iso: string) => clock().travel(new Date(iso).getTime() - clock().now().getTime());
  const create = async (auth: Auth, orgId: string, input: MeetingInput, status = 201) =>
    (await t.http().post(`/api/workspace/orgs/${orgId}/meetings`).set(auth).send(input).expect(status)).body as MeetingDetail;
  const setAttendees = async (auth: Auth, id: string, attendees: AttendeeInput[], status = 200) =>
    (await t.http().put(`/api/workspace/meetings/${id}/attendees`).set(auth).send({ attendees }).expect(status)).body as MeetingDetail;
  const archive = async (auth: Auth, id: string, status = 200) => (await t.http().post(`/api/workspace/meetings/${id}/archive`).set(auth).expect(status)).body as MeetingDetail;
  const archived = async (auth: Auth, orgId: string, input: MeetingInput, attendees: AttendeeInput[]) => {
    const draft = await create(auth, orgId, input);
    await setAttendees(auth, draft.id, attendees);
    return archive(auth, draft.id);
  };
  const compliance = async (auth: Auth, query: string) => (await t.http().get(`/api/committee/meeting-compliance?${query}`).set(auth).expect(200)).body as ComplianceResponse;
  /** Every row over all pages of `limit`. */
  const allRows = async (auth: Auth, query: string, limit: number) => {
    const rows: ComplianceRow[] = [];
    let cursor: string | null = null;
    do {
      const page: ComplianceResponse = await compliance(auth, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      rows.push(...page.rows.items);
      cursor = page.rows.nextCursor;
    } while (cursor);
    return rows;
  };
  const newBranch = async (name: string) =>
    (await t.http().post('/api/admin/orgs').set(admin).send({ name: `${world.tag}${name}`, type: 'BRANCH', parentId: world.committeeOrg.id, enterpriseId: world.enterprise.id }).expect(201)).body as OrgResponse;

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
    admin = world.admin;
    secretary = world.secretary.auth;
    member = world.member.auth;
    sisterMember = await createPerson(t, admin, world.tag, 'sister-member', { name: `${world.tag}二支部党员`, orgId: world.sisterBranch.id, politicalStatus: 'FULL_MEMBER' });
    otherCommittee = await createPerson(t, admin, world.tag, 'other-committee', { name: `${world.tag}乙委员`, roles: [{ role: 'COMMITTEE', orgId: world.otherCommitteeOrg.id }] });
  });
  afterEach(() => clock().reset());
  afterAll(async () => {
    await t?.close();
  });

  it('records a draft, archives it once complete, then keeps it read-only; an admin correction is audited with before and after', async () => {
    const draft = await create(secretary, world.branch.id, body());
    expect(draft).toMatchObject({ status: 'DRAFT', orgName: world.branch.name, counts: { present: 0, leave: 0, absent: 0 }, canEdit: true, canCorrect: false, archivedAt: null });
    const incomplete = await archive(secretary, draft.id, 422);
    expect(incomplete).toMatchObject({ code: 'MEETING_INCOMPLETE', details: [{ field: 'attendees', message: expect.any(String) }] });

    const listed = await setAttendees(secretary, draft.id, [
      { userId: world.member.id, status: 'PRESENT' },
      { userId: world.secretary.id, status: 'LEAVE', reason: '外出学习' },
    ]);
    expect(listed.counts).toEqual({ present: 1, leave: 1, absent: 0 });
    const edited = (await t.http().put(`/api/workspace/meetings/${draft.id}`).set(secretary).send(body({ minutes: '改过的记录' })).expect(200)).body as MeetingDetail;
    expect(edited.minutes).toBe('改过的记录');

    const done = await archive(secretary, draft.id);
    expect(done).toMatchObject({ status: 'ARCHIVED', archivedAt: expect.any(String), canEdit: false });
    for (const res of [
      await t.http().put(`/api/workspace/meetings/${draft.id}`).set(secretary).send(body({ minutes: '再改' })),
      await t.http().put(`/api/workspace/meetings/${draft.id}/attendees`).set(secretary).send({ attendees: [] }),
      await t.http().post(`/api/workspace/meetings/${draft.id}/archive`).set(secretary),
      await t.http().delete(`/api/workspace/meetings/${draft.id}`).set(secretary),
      await t.http().put(`/api/workspace/meetings/${draft.id}`).set(admin).send(body({ minutes: '管理员也不能直接改' })),
    ]) {
      expect([res.status, res.body.code]).toEqual([409, 'MEETING_ARCHIVED']);
    }
    expect(((await t.http().get(`/api/meetings/${draft.id}`).set(secretary).expect(200)).body as MeetingDetail).minutes).toBe('改过的记录');

    // The secretary cannot correct; the admin can, with a reason.
    await t.http().put(`/api/admin/meetings/${draft.id}`).set(secretary).send({ ...body(), reason: '更正' }).expect(403);
    await t.http().put(`/api/admin/meetings/${draft.id}`).set(admin).send({ ...body() }).expect(400);
    const corrected = (
      await t
        .http()
        .put(`/api/admin/meetings/${draft.id}`)
        .set(admin)
        .send({ ...body({ minutes: '更正后的记录' }), attendees: [{ userId: world.member.id, status: 'PRESENT' }, { userId: world.secretary.id, status: 'PRESENT' }], reason: '书记实际到会' })
        .expect(200)
    ).body as MeetingDetail;
    expect(corrected).toMatchObject({ status: 'ARCHIVED', minutes: '更正后的记录', counts: { present: 2, leave: 0, absent: 0 }, canCorrect: true });
    const audit = (await t.http().get(`/api/admin/audit-logs?entityType=meeting&entityId=${draft.id}`).set(admin).expect(200)).body as Page<AuditLogResponse & { before: Record<string, unknown>; after: Record<string, unknown> }>;
    expect(audit.items.map((a) => a.action)).toEqual(['meeting.correct', 'meeting.archive', 'meeting.update', 'meeting.attendees', 'meeting.create']);
    const correction = audit.items[0];
    expect(correction.before).toMatchObject({ minutes: '改过的记录', attendees: expect.arrayContaining([expect.objectContaining({ userId: Number(world.secretary.id), status: 'LEAVE', reason: '外出学习' })]) });
    expect(correction.after).toMatchObject({ minutes: '更正后的记录', reason: '书记实际到会', attendees: expect.arrayContaining([expect.objectContaining({ userId: Number(world.secretary.id), status: 'PRESENT' })]) });

    // A draft may be deleted, then it is gone.
    const scrap = await create(secretary, world.branch.id, body({ topic: '草稿' }));
    await t.http().delete(`/api/workspace/meetings/${scrap.id}`).set(secretary).expect(204);
    await t.http().get(`/api/meetings/${scrap.id}`).set(secretary).expect(404);
  });

  it('shows a record only to those it belongs to: drafts to the org’s overseers, archived ones also to its members (everyone else: 404)', async () => {
    const record = await archived(secretary, world.branch.id, body({ kind: 'PARTY_GROUP', topic: '党小组学习' }), [{ userId: world.member.id, status: 'PRESENT' }]);
    const draft = await create(secretary, world.branch.id, body({ topic: '还没开完的会' }));
    const status = async (auth: Auth, id: string) => (await t.http().get(`/api/meetings/${id}`).set(auth)).status;
    const who: Array<[string, Auth, number, number]> = [
      ['member of the org', member, 200, 404],
      ['its secretary', secretary, 200, 200],
      ['a member of another org', sisterMember.auth, 404, 404],
      ['the secretary of another org', world.otherSecretary.auth, 404, 404],
      ['committee staff of its chain', world.committee.auth, 200, 200],
      ['committee staff of another chain', otherCommittee.auth, 404, 404],
      ['someone in no org', world.stranger.auth, 404, 404],
      ['an admin', admin, 200, 200],
    ];
    const seen = [];
    for (const [label, auth] of who) seen.push([label, await status(auth, record.id), await status(auth, draft.id)]);
    expect(seen).toEqual(who.map(([label, , a, d]) => [label, a, d]));
    const missing = await t.http().get('/api/meetings/987654321').set(admin).expect(404);
    expect((await t.http().get(`/api/meetings/${record.id}`).set(world.otherSecretary.auth).expect(404)).body).toEqual(missing.body);

    // The workspace list and calendar: overseers only.
    await t.http().get(`/api/workspace/orgs/${world.branch.id}/meetings`).set(world.otherSecretary.auth).expect(404);
    await t.http().get(`/api/workspace/orgs/${world.branch.id}/meetings`).set(otherCommittee.auth).expect(404);
    await t.http().get(`/api/workspace/orgs/${world.branch.id}/meetings`).set(member).expect(403);
    const list = (await t.http().get(`/api/workspace/orgs/${world.branch.id}/meetings?status=DRAFT`).set(world.committee.auth).expect(200)).body as Page<MeetingSummary>;
    expect(list.items.map((m) => m.id)).toContain(draft.id);
    expect(list.items.every((m) => m.status === 'DRAFT')).toBe(true);
    // Committee staff read but do not record.
    await t.http().post(`/api/workspace/orgs/${world.branch.id}/meetings`).set(world.committee.auth).send(body()).expect(403);
    await t.http().post(`/api/workspace/orgs/${world.branch.id}/meetings`).set(world.otherSecretary.auth).send(body()).expect(404);
    await t.http().put(`/api/workspace/meetings/${draft.id}`).set(world.otherSecretary.auth).send(body()).expect(404);

    // 我的组织生活: archived records of my org (and how I was counted), never drafts.
    const mine = (await t.http().get('/api/me/meetings?limit=100').set(member).expect(200)).body as Page<MyMeetingItem>;
    expect(mine.items.find((m) => m.id === record.id)).toMatchObject({ myStatus: 'PRESENT', status: 'ARCHIVED' });
    expect(mine.items.some((m) => m.id === draft.id)).toBe(false);
    const sisters = (await t.http().get('/api/me/meetings?limit=100').set(sisterMember.auth).expect(200)).body as Page<MyMeetingItem>;
    expect(sisters.items.some((m) => m.id === record.id)).toBe(false);
  });

  it('turns an ended activity into a record: checked in → present, 请假 → leave with its reason, the rest of the org absent', async () => {
    const start = Date.now() + HOUR;
    const activity = await publishedActivity(t, secretary, activityBody(world.branch.id, {
      title: `${world.tag}主题党日`,
      type: 'THEME_PARTY_DAY',
      formFields: [],
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * HOUR).toISOString(),
      signupEndAt: new Date(start - 10 * 60 * 1000).toISOString(),
    }));
    const absentee = await createPerson(t, admin, world.tag, 'absentee', { name: `${world.tag}缺席者`, orgId: world.branch.id, politicalStatus: 'FULL_MEMBER' });
    for (const p of [member, secretary, sisterMember.auth]) await t.http().post(`/api/activities/${activity.id}/registrations`).set(p).send({ answers: {} }).expect(201);
    await t.http().post(`/api/activities/${activity.id}/registrations/me/leave`).set(secretary).send({ reason: '区里开会' }).expect(200);
    // Not ended yet: not offered, and refused.
    expect(((await t.http().get(`/api/workspace/orgs/${world.branch.id}/meeting-activities`).set(secretary).expect(200)).body as MeetingActivityItem[]).map((a) => a.id)).not.toContain(activity.id);
    expect((await create(secretary, world.branch.id, body({ kind: 'THEME_DAY', fromActivityId: activity.id }), 422) as unknown as { code: string }).code).toBe('MEETING_ACTIVITY_INVALID');

    clock().travel(HOUR + 5 * 60 * 1000);
    const regs = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
    for (const r of regs.filter((x) => x.userId === world.member.id || x.userId === sisterMember.id)) {
      await t.http().post(`/api/activities/${activity.id}/registrations/${r.id}/attendance`).set(secretary).send({ attendance: 'CHECKED_IN' }).expect(200);
    }
    clock().travel(2 * HOUR);
    const offered = (await t.http().get(`/api/workspace/orgs/${world.branch.id}/meeting-activities`).set(secretary).expect(200)).body as MeetingActivityItem[];
    expect(offered.find((a) => a.id === activity.id)).toMatchObject({ title: `${world.tag}主题党日`, checkedInCount: 2 });
    await t.http().get(`/api/workspace/orgs/${world.branch.id}/meeting-activities`).set(world.otherSecretary.auth).expect(404);
    await t.http().get(`/api/workspace/orgs/${world.branch.id}/meeting-activities`).set(world.committee.auth).expect(403);

    const record = await create(secretary, world.branch.id, body({ kind: 'THEME_DAY', topic: '主题党日', fromActivityId: activity.id }));
    const statusOf = Object.fromEntries(record.attendees.map((a) => [a.userId, [a.status, a.reason]]));
    expect(statusOf).toEqual({
      [world.member.id]: ['PRESENT', null],
      [world.secretary.id]: ['LEAVE', '区里开会'],
      [absentee.id]: ['ABSENT', null],
    });
    expect(record).toMatchObject({ fromActivityId: activity.id, counts: { present: 1, leave: 1, absent: 1 } });
    // One record per activity; another org's secretary cannot use it.
    expect((await create(secretary, world.branch.id, body({ kind: 'THEME_DAY', fromActivityId: activity.id }), 422) as unknown as { code: string }).code).toBe('MEETING_ACTIVITY_INVALID');
    expect(((await t.http().get(`/api/workspace/orgs/${world.branch.id}/meeting-activities`).set(secretary).expect(200)).body as MeetingActivityItem[]).map((a) => a.id)).not.toContain(activity.id);
    const archivedRecord = await archive(secretary, record.id);
    expect(archivedRecord.counts).toEqual({ present: 1, leave: 1, absent: 1 });
  });

  it('files records by China time at quarter and year boundaries, and its compliance figures equal the rows', async () => {
    const branch = await newBranch('边界支部');
    const person = await createPerson(t, admin, world.tag, 'boundary', { name: `${world.tag}边界党员`, orgId: branch.id, politicalStatus: 'FULL_MEMBER' });
    const present = [{ userId: person.id, status: 'PRESENT' as const }];
    const q1 = await archived(admin, branch.id, body({ kind: 'PARTY_CONGRESS', startsAt: '2026-03-31T23:30:00+08:00', endsAt: null }), present);
    await archived(admin, branch.id, body({ kind: 'PARTY_LECTURE', startsAt: '2026-04-01T00:00:00+08:00', endsAt: null }), present);
    const dec = await archived(admin, branch.id, body({ kind: 'THEME_DAY', startsAt: '2026-12-31T23:59:00+08:00', endsAt: null }), present);
    const jan = await archived(admin, branch.id, body({ kind: 'THEME_DAY', startsAt: '2027-01-01T00:00:00+08:00', endsAt: null }), present);
    await create(admin, branch.id, body({ kind: 'BRANCH_COMMITTEE', startsAt: '2026-02-10T10:00:00+08:00' })); // a draft never counts
    travelTo('2026-04-10T12:00:00+08:00');

    const rowsOf = async (period: string) =>
      Object.fromEntries((await allRows(world.committee.auth, `period=${period}&chainId=${world.chain.id}`, 100)).filter((r) => r.orgId === branch.id).map((r) => [r.kind, [r.state, r.meetingCount]]));
    expect(await rowsOf('2026-Q1')).toEqual({
      PARTY_CONGRESS: ['DONE', 1],
      BRANCH_COMMITTEE: ['OVERDUE', 0],
      PARTY_LECTURE: ['OVERDUE', 0],
      THEME_DAY: ['OVERDUE', 0],
      LIFE_MEETING: ['DUE', 0],
      DEMOCRATIC_REVIEW: ['DUE', 0],
    });
    expect(await rowsOf('2026-03')).toMatchObject({ PARTY_CONGRESS: ['DONE', 1], THEME_DAY: ['OVERDUE', 0] });
    expect(await rowsOf('2026-04')).toMatchObject({ PARTY_CONGRESS: ['DUE', 0], PARTY_LECTURE: ['DONE', 1], THEME_DAY: ['DUE', 0] });
    expect(await rowsOf('2026')).toMatchObject({ PARTY_CONGRESS: ['DUE', 1], THEME_DAY: ['OVERDUE', 1], PARTY_LECTURE: ['OVERDUE', 1] });

    const calendar = (await t.http().get(`/api/workspace/orgs/${branch.id}/meeting-calendar?year=2026`).set(world.committee.auth).expect(200)).body as MeetingCalendarResponse;
    const periods = (kind: string) => calendar.rows.find((r) => r.kind === kind)!.periods;
    expect(periods('PARTY_CONGRESS').map((p) => [p.period, p.state, p.meetingIds])).toEqual([
      ['2026-Q1', 'DONE', [q1.id]],
      ['2026-Q2', 'DUE', []],
      ['2026-Q3', 'UPCOMING', []],
      ['2026-Q4', 'UPCOMING', []],
    ]);
    expect(periods('THEME_DAY').find((p) => p.period === '2026-12')).toEqual({ period: '2026-12', state: 'DONE', meetingIds: [dec.id] });
    expect(periods('THEME_DAY').find((p) => p.period === '2026-03')!.state).toBe('OVERDUE');
    expect(calendar.rows.map((r) => r.kind)).not.toContain('PARTY_GROUP'); // not required of branches without 党小组
    const next = (await t.http().get(`/api/workspace/orgs/${branch.id}/meeting-calendar?year=2027`).set(admin).expect(200)).body as MeetingCalendarResponse;
    expect(next.rows.find((r) => r.kind === 'THEME_DAY')!.periods[0]).toMatchObject({ period: '2027-01', meetingIds: [jan.id] });

    // Totals equal the rows, over every page, for the committee (its chain) and an admin (everywhere).
    for (const [auth, query] of [
      [world.committee.auth, 'period=2026-Q1'],
      [admin, 'period=2026-Q1'],
      [admin, `period=2026&chainId=${world.chain.id}&kind=THEME_DAY`],
    ] as Array<[Auth, string]>) {
      const all = await allRows(auth, query, 7);
      const { totals } = await compliance(auth, query);
      if (all.length <= 100) expect(all).toEqual((await compliance(auth, `${query}&limit=100`)).rows.items);
      expect(totals).toEqual({
        orgs: new Set(all.map((r) => r.orgId)).size,
        done: all.filter((r) => r.state === 'DONE').length,
        due: all.filter((r) => r.state === 'DUE').length,
        overdue: all.filter((r) => r.state === 'OVERDUE').length,
      });
      const states = all.map((r) => ['OVERDUE', 'DUE', 'UPCOMING', 'DONE'].indexOf(r.state));
      expect(states).toEqual([...states].sort((a, b) => a - b));
      const overdue = await allRows(auth, `${query}&state=OVERDUE`, 50);
      expect(overdue).toEqual(all.filter((r) => r.state === 'OVERDUE'));
    }
    const committeeOrgs = new Set((await allRows(world.committee.auth, 'period=2026-Q1', 100)).map((r) => r.orgId));
    expect(committeeOrgs.has(branch.id) && committeeOrgs.has(world.branch.id)).toBe(true);
    expect(committeeOrgs.has(world.otherBranch.id)).toBe(false);
    await t.http().get('/api/committee/meeting-compliance?period=2026-Q1').set(secretary).expect(403);

    // An admin turns on 党小组会 for the branch: from then on it is judged on it.
    await t.http().put(`/api/admin/orgs/${branch.id}/meeting-rules`).set(admin).send({ rules: [{ kind: 'PARTY_GROUP', unit: 'MONTH', required: true }] }).expect(200);
    expect(await rowsOf('2026-03')).toMatchObject({ PARTY_GROUP: ['OVERDUE', 0] });
  });

  it('reminds the secretaries once per kind and period, across two processes and a moved clock', async () => {
    const sisterSecretary = await createPerson(t, admin, world.tag, 'sister-secretary', {
      name: `${world.tag}二支部书记`,
      orgId: world.sisterBranch.id,
      politicalStatus: 'FULL_MEMBER',
      roles: [{ role: 'SECRETARY', orgId: world.sisterBranch.id }],
    });
    const config = t.app.get<AppConfig>(APP_CONFIG);
    /** One more server process on the same database: its own clock, lease holder and scheduler. */
    const process = () => {
      const ownClock = new Clock();
      const scheduler = new SchedulerService({ ...config, scheduler: true }, new LeaseService(t.dataSource, ownClock));
      const job = new MeetingReminderJob(
        t.dataSource,
        t.app.get(Tx),
        ownClock,
        scheduler,
        t.app.get(MeetingDue),
        t.app.get(NotificationService),
        t.app.get(PeopleDirectory),
        t.app.get(OrgDirectory),
      );
      job.onModuleInit();
      return { clock: ownClock, scheduler, job };
    };
    const processes = [process(), process()];
    const moveAll = (iso: string) => processes.forEach((p) => p.clock.travel(new Date(iso).getTime() - p.clock.now().getTime()));
    const reminders = async () =>
      ((await t.http().get('/api/me/notifications?limit=100').set(sisterSecretary.auth).expect(200)).body as Page<NotificationResponse>).items.filter((n) => n.kind === 'MEETING_DUE');

    // 2026-03-20: more than 7 days before March and Q1 end: nothing yet.
    moveAll('2026-03-20T09:00:00+08:00');
    await Promise.all(processes.map((p) => p.job.sendReminders()));
    expect(await reminders()).toHaveLength(0);

    // 2026-03-25: the last week of March and of Q1; both processes race, through their schedulers and directly.
    moveAll('2026-03-25T09:00:00+08:00');
    await Promise.all(processes.map((p) => p.scheduler.runAllOnce()));
    const raced = await Promise.all(processes.map((p) => p.job.sendReminders()));
    const first = await reminders();
    expect(first.map((n) => n.title).sort()).toEqual(['主题党日尚未完成', '党课尚未完成', '支部党员大会尚未完成', '支部委员会会议尚未完成']);
    expect(first.every((n) => n.link === `/packages/org-life/pages/calendar/index?orgId=${world.sisterBranch.id}`)).toBe(true);
    expect(raced.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(first.length);
    const outbox = await t.app.get(NotificationService).outboxFor([Number(sisterSecretary.id)]);
    expect(outbox.filter((o) => o.templateKey === 'meeting_reminder')).toHaveLength(4);

    // A day later, and after a record of one kind: nothing new (each went out once).
    moveAll('2026-03-26T09:00:00+08:00');
    await Promise.all(processes.map((p) => p.job.sendReminders()));
    expect(await reminders()).toHaveLength(4);

    // The last week of April: the monthly kinds again, for 2026-04 — except the one held (and archived) in April.
    await archived(admin, world.sisterBranch.id, body({ kind: 'THEME_DAY', startsAt: '2026-04-18T09:00:00+08:00', endsAt: null }), [{ userId: sisterMember.id, status: 'PRESENT' }]);
    moveAll('2026-04-24T09:00:00+08:00');
    await Promise.all([...processes.map((p) => p.job.sendReminders()), ...processes.map((p) => p.job.sendReminders())]);
    const april = (await reminders()).slice(0, -4);
    expect(april.map((n) => [n.title, n.body.includes('2026-04')])).toEqual([['支部委员会会议尚未完成', true]]);
    await Promise.all(processes.map((p) => p.scheduler.beforeApplicationShutdown()));
  });

  it('refuses bad input with 4xx and a code', async () => {
    const expectCode = async (req: Promise<{ status: number; body: { code: string } }>, status: number, code: string) => {
      const res = await req;
      expect([res.status, res.body.code]).toEqual([status, code]);
    };
    const path = `/api/workspace/orgs/${world.branch.id}/meetings`;
    await expectCode(t.http().post(path).set(secretary).send(body({ kind: 'TEA_PARTY' as never })), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().post(path).set(secretary).send(body({ startsAt: '2026-13-45T99:99:99+08:00' })), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().post(path).set(secretary).send(body({ topic: '\u200b ' })), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().post(path).set(secretary).send(body({ endsAt: '2026-05-12T13:00:00+08:00' })), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().post(path).set(secretary).send(body({ minutes: '字'.repeat(10001) })), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().post(path).set(secretary).send(body({ imageIds: ['987654'] })), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().post(path).set(secretary).send(body({ fromActivityId: '987654' })), 422, 'MEETING_ACTIVITY_INVALID');
    await expectCode(t.http().post('/api/workspace/orgs/987654/meetings').set(admin).send(body()), 404, 'NOT_FOUND');

    const draft = await create(secretary, world.branch.id, body());
    const attendees = (list: unknown[]) => t.http().put(`/api/workspace/meetings/${draft.id}/attendees`).set(secretary).send({ attendees: list });
    await expectCode(attendees([{ userId: sisterMember.id, status: 'PRESENT' }]), 422, 'MEETING_ATTENDEE_INVALID');
    await expectCode(attendees([{ userId: world.member.id, status: 'LEAVE' }]), 400, 'VALIDATION_FAILED');
    await expectCode(attendees([{ userId: world.member.id, status: 'PRESENT' }, { userId: world.member.id, status: 'ABSENT' }]), 400, 'VALIDATION_FAILED');
    await expectCode(attendees([{ userId: world.member.id, status: 'LATE' }]), 400, 'VALIDATION_FAILED');
    await expectCode(attendees([{ userId: 'x', status: 'PRESENT' }]), 400, 'VALIDATION_FAILED');

    await expectCode(t.http().get('/api/committee/meeting-compliance?period=2026-13').set(admin), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().get('/api/committee/meeting-compliance').set(admin), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().get('/api/committee/meeting-compliance?period=2026-Q1&cursor=bm9wZQ').set(admin), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().get('/api/committee/meeting-compliance?period=2026-Q1&state=LATE').set(admin), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().get(`/api/workspace/orgs/${world.branch.id}/meeting-calendar?year=1999`).set(secretary), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().get(`/api/workspace/orgs/${world.branch.id}/meetings?kind=X`).set(secretary), 400, 'VALIDATION_FAILED');
    await expectCode(
      t.http().put(`/api/admin/orgs/${world.branch.id}/meeting-rules`).set(admin).send({ rules: [{ kind: 'THEME_DAY', unit: 'MONTH', required: true }, { kind: 'THEME_DAY', unit: 'YEAR', required: true }] }),
      400,
      'VALIDATION_FAILED',
    );
    await expectCode(t.http().put(`/api/admin/orgs/${world.branch.id}/meeting-rules`).set(admin).send({ rules: [{ kind: 'THEME_DAY', unit: 'WEEK', required: true }] }), 400, 'VALIDATION_FAILED');
    await expectCode(t.http().get('/api/admin/orgs/987654/meeting-rules').set(admin), 404, 'NOT_FOUND');
    await expectCode(t.http().put('/api/admin/meetings/987654').set(admin).send({ ...body(), reason: '更正' }), 404, 'NOT_FOUND');
    await expectCode(t.http().put(`/api/admin/meetings/${draft.id}`).set(admin).send({ ...body(), reason: '更正' }), 409, 'CONFLICT');
  });

  it('exports the compliance table and an organisation’s record book as .xlsx, to those who may see them', async () => {
    const query = `period=2026-Q1&chainId=${world.chain.id}`;
    const xlsx = async (url: string, auth: Auth) => {
      const res = await t.http().get(url).set(auth).responseType('blob').expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ArrayBuffer);
      return workbook.worksheets[0];
    };
    const table = await xlsx(`/api/committee/meeting-compliance/export?${query}`, world.committee.auth);
    expect(table.rowCount - 1).toBe((await allRows(world.committee.auth, query, 100)).length);
    expect(table.getRow(1).getCell(1).value).toBe('党组织');

    const book = await xlsx(`/api/committee/orgs/${world.branch.id}/meeting-book?year=2026`, secretary);
    const archivedCount = (await t.http().get(`/api/workspace/orgs/${world.branch.id}/meetings?year=2026&status=ARCHIVED&limit=100`).set(secretary).expect(200)).body.items.length as number;
    expect(archivedCount).toBeGreaterThan(0);
    expect(book.rowCount - 1).toBe(archivedCount);
    const texts = book.getSheetValues().flat().map(String).join('|');
    expect(texts).toContain('更正后的记录');
    await xlsx(`/api/committee/orgs/${world.branch.id}/meeting-book?year=2026`, world.committee.auth);
    await t.http().get(`/api/committee/orgs/${world.branch.id}/meeting-book`).set(world.otherSecretary.auth).expect(404);
    await t.http().get(`/api/committee/orgs/${world.branch.id}/meeting-book`).set(otherCommittee.auth).expect(404);
    await t.http().get(`/api/committee/orgs/${world.branch.id}/meeting-book`).set(member).expect(403);
    const audit = (await t.http().get('/api/admin/audit-logs?entityType=org').set(admin).expect(200)).body as Page<{ action: string }>;
    expect(audit.items.map((a) => a.action)).toContain('meeting.export-book');
  });

  it('lets admins read and set an organisation’s rules, audited', async () => {
    const rules = (await t.http().get(`/api/admin/orgs/${world.otherBranch.id}/meeting-rules`).set(admin).expect(200)).body as Array<{ kind: string; unit: string; required: boolean }>;
    expect(rules.find((r) => r.kind === 'PARTY_CONGRESS')).toEqual({ kind: 'PARTY_CONGRESS', unit: 'QUARTER', required: true });
    expect(rules.find((r) => r.kind === 'PARTY_GROUP')).toMatchObject({ required: false });
    const saved = (await t.http().put(`/api/admin/orgs/${world.otherBranch.id}/meeting-rules`).set(admin).send({ rules: [{ kind: 'PARTY_LECTURE', unit: 'MONTH', required: true }] }).expect(200)).body as typeof rules;
    expect(saved.find((r) => r.kind === 'PARTY_LECTURE')).toEqual({ kind: 'PARTY_LECTURE', unit: 'MONTH', required: true });
    await t.http().get(`/api/admin/orgs/${world.otherBranch.id}/meeting-rules`).set(world.otherSecretary.auth).expect(403);
    type Rules = Array<{ kind: string; unit: string }>;
    const audit = (await t.http().get(`/api/admin/audit-logs?entityType=org&entityId=${world.otherBranch.id}`).set(admin).expect(200)).body as Page<AuditLogResponse & { before: Rules; after: Rules }>;
    expect(audit.items[0]).toMatchObject({ action: 'meeting.rules' });
    expect(audit.items[0].before.find((r) => r.kind === 'PARTY_LECTURE')!.unit).toBe('QUARTER');
    expect(audit.items[0].after.find((r) => r.kind === 'PARTY_LECTURE')!.unit).toBe('MONTH');
  });

  it('keeps the attendance of a roster person who binds WeChat later: it moves to the account', async () => {
    const roster = (await t.http().post('/api/admin/users').set(admin).send({ name: `${world.tag}花名册党员`, orgId: world.branch.id, politicalStatus: 'FULL_MEMBER' }).expect(201)).body as UserResponse;
    const record = await archived(secretary, world.branch.id, body({ kind: 'PARTY_LECTURE', topic: '书记讲党课' }), [
      { userId: roster.id, status: 'PRESENT' },
      { userId: world.member.id, status: 'ABSENT' },
    ]);
    const code = ((await t.http().post(`/api/workspace/roster/${roster.id}/binding-code`).set(secretary).expect(201)).body as BindingCodeResponse).code;
    const account = await devLogin(t, `${world.tag}-roster-bind`.toLowerCase());
    await t.http().post('/api/me/binding/code').set(account.auth).send({ code }).expect(200);
    const mine = (await t.http().get('/api/me/meetings?limit=100').set(account.auth).expect(200)).body as Page<MyMeetingItem>;
    expect(mine.items.find((m) => m.id === record.id)).toMatchObject({ myStatus: 'PRESENT' });
    const detail = (await t.http().get(`/api/meetings/${record.id}`).set(admin).expect(200)).body as MeetingDetail;
    expect(detail.attendees.find((a) => a.status === 'PRESENT')).toMatchObject({ userId: account.user.id, name: `${world.tag}花名册党员` });
  });
});
