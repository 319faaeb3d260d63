import type { MeetingCalendarResponse, ActivityResponse, AttendeeResponse, BrandWorkspaceResponse, DepartmentAssignmentItem, InstructorEnterpriseItem, NeedContactResponse, NeedSummary, TodoKind, TodoResponse } from '@torch-red/shared';
import { TODO_KINDS } from '@torch-red/shared';
import { Clock } from '../src/common/clock';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { chinaDay } from '../src/modules/study/study-calendar';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { raiseNeed } from './factories/need.factory';
import { createPerson, createWorld, type Auth, type World } from './factories/world.factory';
import { allPages } from './support/pages';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * 待办 on 首页 (GET /api/me/todo): each role gets its kinds of work, and every count equals the rows of the list the
 * item opens that the caller may act on. A plain member gets none.
 */
describe.each(DATABASES)('待办 counts and the work views behind them, on %s', (db) => {
  let t: TestApp;
  let w: World;
  let clock: Clock;
  let instructor: Auth;

  const todo = async (auth: Auth): Promise<Map<TodoKind, number>> => {
    const body = (await t.http().get('/api/me/todo').set(auth).expect(200)).body as TodoResponse;
    return new Map(body.items.map((i) => [i.kind, i.count]));
  };
  const dispatchBy = (needId: string, deadline: Date) =>
    t.http().post(`/api/needs/${needId}/dispatch`).set(w.committee.auth).send({ assignments: [{ departmentId: w.department.id, deadline: deadline.toISOString() }], note: '请按期办理' }).expect(200);

  beforeAll(async () => {
    t = await startTestApp(db);
    clock = t.app.get(Clock);
    // 09:00 China time tomorrow, so that "today" has room for an activity at 10:00.
    const now = Date.now();
    const tomorrowStart = Date.parse(`${chinaDay(new Date(now + DAY))}T00:00:00Z`) - 8 * HOUR;
    clock.travel(tomorrowStart + 9 * HOUR - now);
    w = await createWorld(t);
    const base = clock.now().getTime();

    // Activities: one today needing approval with a pending sign-up, one in two days on another chain with one too.
    const today = await publishedActivity(
      t,
      w.secretary.auth,
      activityBody(w.branch.id, { title: '今日主题党日', startAt: new Date(base + HOUR).toISOString(), endAt: new Date(base + 3 * HOUR).toISOString(), signupEndAt: new Date(base + 30 * 60000).toISOString(), requiresApproval: true }),
    );
    await t.http().post(`/api/activities/${today.id}/registrations`).set(w.member.auth).send({ answers: { company: '测试企业' } }).expect(201);
    const elsewhere = await publishedActivity(
      t,
      w.otherSecretary.auth,
      activityBody(w.otherBranch.id, { startAt: new Date(base + 2 * DAY).toISOString(), endAt: new Date(base + 2 * DAY + 2 * HOUR).toISOString(), signupEndAt: new Date(base + DAY).toISOString(), requiresApproval: true }),
    );
    await t.http().post(`/api/activities/${elsewhere.id}/registrations`).set(w.entrepreneur.auth).send({ answers: { company: '乙企业' } }).expect(201);

    // Needs on the committee's chain: one dispatched due in 12 hours, one due in 3 days, one not dispatched.
    const soon = await raiseNeed(t, w.member.auth, { title: '十二小时内到期' });
    const later = await raiseNeed(t, w.member.auth, { title: '三天后到期' });
    await raiseNeed(t, w.member.auth, { title: '待派单' });
    await dispatchBy(soon.id, new Date(base + 12 * HOUR));
    await dispatchBy(later.id, new Date(base + 3 * DAY));

    // A brand submitted for review.
    await t.http().put(`/api/workspace/orgs/${w.branch.id}/brand`).set(w.secretary.auth).send({ name: '先锋支部', slogan: '创新创效', story: [{ type: 'paragraph', text: '支部介绍' }], coverImageId: null, galleryImageIds: [], honours: [] }).expect(200);
    await t.http().post(`/api/workspace/orgs/${w.branch.id}/brand/submit`).set(w.secretary.auth).expect(200);

    // An instructor with two enterprises, one visited today.
    const person = await createPerson(t, w.admin, w.tag, 'instructor', { name: `${w.tag}指导员`, roles: [{ role: 'INSTRUCTOR' }] });
    instructor = person.auth;
    await t.http().put(`/api/admin/instructors/${person.id}/enterprises`).set(w.admin).send({ enterpriseIds: [w.enterprise.id, w.otherEnterprise.id] }).expect(200);
    await t.http().post('/api/visits').set(instructor).send({ enterpriseId: w.enterprise.id, visitedOn: chinaDay(clock.now()), peopleMet: '企业负责人', discussed: '生产经营情况', problems: [] }).expect(201);
  });
  afterAll(async () => {
    clock?.reset();
    await t?.close();
  });

  /** Pending sign-ups of the activities the caller's workspace lists (published ones). */
  const pendingSignups = async (auth: Auth): Promise<number> => {
    const activities = (await allPages<ActivityResponse>(t, '/api/workspace/activities', auth)).filter((a) => a.status === 'PUBLISHED');
    let count = 0;
    for (const a of activities) {
      const attendees = (await t.http().get(`/api/activities/${a.id}/registrations`).set(auth).expect(200)).body as AttendeeResponse[];
      count += attendees.filter((r) => r.status === 'PENDING' && r.canApprove).length;
    }
    return count;
  };

  it('a plain member, a 群众 entrepreneur and a stranger get no items', async () => {
    for (const p of [w.member, w.entrepreneur, w.stranger]) expect([...(await todo(p.auth)).entries()]).toEqual([]);
    await t.http().get('/api/me/todo').expect(401);
  });

  it('a secretary: pending sign-ups and today’s check-ins of their own org only', async () => {
    const mine = await todo(w.secretary.auth);
    expect([...mine.keys()]).toEqual(['REGISTRATIONS_TO_REVIEW', 'CHECKINS_TODAY', 'MEETINGS_DUE']);
    expect(mine.get('REGISTRATIONS_TO_REVIEW')).toBe(1);
    expect(mine.get('REGISTRATIONS_TO_REVIEW')).toBe(await pendingSignups(w.secretary.auth));
    const today = chinaDay(clock.now());
    const workspace = await allPages<ActivityResponse>(t, '/api/workspace/activities', w.secretary.auth);
    expect(mine.get('CHECKINS_TODAY')).toBe(workspace.filter((a) => a.status === 'PUBLISHED' && chinaDay(new Date(a.startAt)) === today).length);
    expect(mine.get('CHECKINS_TODAY')).toBe(1);
    // The other chain's secretary counts their own sign-up, not this one; no activity of theirs is today.
    const other = await todo(w.otherSecretary.auth);
    expect([other.get('REGISTRATIONS_TO_REVIEW'), other.get('CHECKINS_TODAY')]).toEqual([1, 0]);
  });

  it('a secretary: required meetings of the running period not yet archived, as the calendar’s 本期待开 shows them', async () => {
    /** The running periods of the branch's calendar that still wait for a record. */
    const calendarDue = async (org: string, auth: Auth) => {
      const calendar = (await t.http().get(`/api/workspace/orgs/${org}/meeting-calendar?year=${chinaDay(clock.now()).slice(0, 4)}`).set(auth).expect(200)).body as MeetingCalendarResponse;
      return calendar.rows.flatMap((r) => r.periods.filter((p) => p.state === 'DUE').map(() => r.kind));
    };
    const due = await calendarDue(w.branch.id, w.secretary.auth);
    // A fresh branch: every required kind waits (支委会, 主题党日 monthly; 党员大会, 党课 quarterly; the two yearly ones).
    expect(due).toHaveLength(6);
    expect((await todo(w.secretary.auth)).get('MEETINGS_DUE')).toBe(due.length);

    // The secretary holds and archives this month's 支委会: one fewer; other orgs' records never count.
    const startsAt = new Date(clock.now().getTime() - HOUR).toISOString();
    const meeting = { kind: 'BRANCH_COMMITTEE', startsAt, endsAt: null, place: '党员活动室', hostName: '书记', recorderName: '组织委员', topic: '研究工作', agenda: '议程', minutes: '纪要', resolutions: '决议' };
    const draft = (await t.http().post(`/api/workspace/orgs/${w.branch.id}/meetings`).set(w.secretary.auth).send(meeting).expect(201)).body as { id: string };
    await t.http().put(`/api/workspace/meetings/${draft.id}/attendees`).set(w.secretary.auth).send({ attendees: [{ userId: w.member.id, status: 'PRESENT' }] }).expect(200);
    expect((await todo(w.secretary.auth)).get('MEETINGS_DUE')).toBe(6);
    await t.http().post(`/api/workspace/meetings/${draft.id}/archive`).set(w.secretary.auth).expect(200);
    expect((await todo(w.secretary.auth)).get('MEETINGS_DUE')).toBe(5);
    expect(await calendarDue(w.branch.id, w.secretary.auth)).toHaveLength(5);
    expect((await todo(w.otherSecretary.auth)).get('MEETINGS_DUE')).toBe(6);
    // Committee staff oversee meetings but keep no records: not their 待办.
    expect((await todo(w.committee.auth)).has('MEETINGS_DUE')).toBe(false);
  });

  it('committee staff: needs to dispatch, brands to review and overdue needs, as the ledger and review queue show them', async () => {
    const mine = await todo(w.committee.auth);
    expect([...mine.keys()]).toEqual(['NEEDS_TO_DISPATCH', 'BRANDS_TO_REVIEW', 'NEEDS_OVERDUE']);
    const toDispatch = await allPages<NeedSummary>(t, '/api/committee/needs?status=SUBMITTED', w.committee.auth);
    expect(mine.get('NEEDS_TO_DISPATCH')).toBe(toDispatch.filter((n) => n.canDispatch).length);
    expect(mine.get('NEEDS_TO_DISPATCH')).toBe(1);
    const brands = await allPages<BrandWorkspaceResponse>(t, '/api/review/brands', w.committee.auth);
    expect(mine.get('BRANDS_TO_REVIEW')).toBe(brands.length);
    expect(mine.get('BRANDS_TO_REVIEW')).toBe(1);
    expect(mine.get('NEEDS_OVERDUE')).toBe(0);
  });

  it('a department handler: assignments to accept and due soon; after the deadline the committee sees it overdue', async () => {
    const assignments = async () => allPages<DepartmentAssignmentItem>(t, '/api/department/assignments', w.handler.auth);
    let mine = await todo(w.handler.auth);
    expect([...mine.keys()]).toEqual(['ASSIGNMENTS_TO_ACCEPT', 'ASSIGNMENTS_DUE_SOON']);
    expect(mine.get('ASSIGNMENTS_TO_ACCEPT')).toBe((await assignments()).filter((i) => i.assignment.canAccept).length);
    expect([mine.get('ASSIGNMENTS_TO_ACCEPT'), mine.get('ASSIGNMENTS_DUE_SOON')]).toEqual([2, 1]);
    // Accepting one leaves one to accept; the due-soon one still counts while active.
    const soon = (await assignments()).find((i) => i.need.title === '十二小时内到期')!;
    await t.http().post(`/api/needs/${soon.need.id}/assignments/${soon.assignment.id}/accept`).set(w.handler.auth).expect(200);
    mine = await todo(w.handler.auth);
    expect([mine.get('ASSIGNMENTS_TO_ACCEPT'), mine.get('ASSIGNMENTS_DUE_SOON')]).toEqual([1, 1]);

    clock.travel(13 * HOUR);
    try {
      mine = await todo(w.handler.auth);
      expect([mine.get('ASSIGNMENTS_TO_ACCEPT'), mine.get('ASSIGNMENTS_DUE_SOON')]).toEqual([1, 0]);
      const committee = await todo(w.committee.auth);
      const overdue = await allPages<NeedSummary>(t, '/api/committee/needs?overdue=true', w.committee.auth);
      expect(committee.get('NEEDS_OVERDUE')).toBe(overdue.length);
      expect(committee.get('NEEDS_OVERDUE')).toBe(1);
    } finally {
      clock.travel(-13 * HOUR);
    }
  });

  it('部门报到 cards carry an excerpt, thumbnails and the dispatch note; the raiser\u2019s phone is revealed to the handler only, audited', async () => {
    const items = await allPages<DepartmentAssignmentItem>(t, '/api/department/assignments', w.handler.auth);
    const item = items.find((i) => i.need.title === '三天后到期')!;
    expect(item).toMatchObject({ excerpt: '上游装置检修，到货量减少三成。', thumbnails: [], dispatchNote: '请按期办理' });
    const path = `/api/needs/${item.need.id}/assignments/${item.assignment.id}/contact`;
    const contact = (await t.http().get(path).set(w.handler.auth).expect(200)).body as NeedContactResponse;
    expect(contact).toEqual({ name: w.member.name, enterpriseName: w.enterprise.name, phone: w.member.phone });
    await t.http().get(path).set(w.committee.auth).expect(403);
    await t.http().get(path).set(w.member.auth).expect(403);
    const otherHandler = await createPerson(t, w.admin, w.tag, 'other-handler', { name: `${w.tag}别的经办人`, roles: [{ role: 'DEPARTMENT', departmentId: (await t.http().post('/api/admin/departments').set(w.admin).send({ name: `${w.tag}别的局` }).expect(201)).body.id }] });
    await t.http().get(path).set(otherHandler.auth).expect(404);
    const logged = await t.dataSource.getRepository(AuditLogEntity).findBy({ action: 'need.contact-reveal', entityId: item.need.id });
    expect(logged).toHaveLength(1);
  });

  it('an instructor: assigned enterprises not visited in the last 30 days', async () => {
    const mine = await todo(instructor);
    expect([...mine.keys()]).toEqual(['ENTERPRISES_TO_VISIT']);
    const enterprises = (await t.http().get('/api/instructor/enterprises').set(instructor).expect(200)).body as InstructorEnterpriseItem[];
    expect(enterprises).toHaveLength(2);
    expect(mine.get('ENTERPRISES_TO_VISIT')).toBe(enterprises.filter((e) => e.lastVisitedOn === null).length);
    expect(mine.get('ENTERPRISES_TO_VISIT')).toBe(1);
  });

  it('the reviewer sees what changed since the published version: the published content and the changed posts', async () => {
    const brandId = (await allPages<BrandWorkspaceResponse>(t, '/api/review/brands', w.committee.auth)).find((b) => b.orgId === w.branch.id)!.id;
    await t.http().post(`/api/review/brands/${brandId}/approve`).set(w.committee.auth).expect(200);
    const base = { name: '先锋支部', story: [{ type: 'paragraph', text: '支部介绍' }], coverImageId: null, galleryImageIds: [], honours: [] };
    await t.http().put(`/api/workspace/orgs/${w.branch.id}/brand`).set(w.secretary.auth).send({ ...base, slogan: '创新创效 先锋引领' }).expect(200);
    const post = await t.http().post(`/api/workspace/orgs/${w.branch.id}/posts`).set(w.secretary.auth).send({ name: '技术攻关岗', kind: 'PIONEER_POST', workshop: '一车间', commitment: '攻关', holderIds: [], enterpriseId: null }).expect(201);
    await t.http().post(`/api/workspace/orgs/${w.branch.id}/brand/submit`).set(w.secretary.auth).expect(200);
    const queued = (await allPages<BrandWorkspaceResponse>(t, '/api/review/brands', w.committee.auth)).find((b) => b.id === brandId)!;
    expect(queued.published).toMatchObject({ slogan: '创新创效' });
    expect(queued.content.slogan).toBe('创新创效 先锋引领');
    expect(queued.changedPostIds).toEqual([post.body.id]);
    await t.http().post(`/api/review/brands/${brandId}/approve`).set(w.committee.auth).expect(200);
    const after = (await t.http().get(`/api/workspace/orgs/${w.branch.id}/brand`).set(w.secretary.auth).expect(200)).body as BrandWorkspaceResponse;
    expect([after.published?.slogan, after.changedPostIds]).toEqual(['创新创效 先锋引领', []]);
  });

  it('an admin: every kind, counted over the whole zone as the admin’s lists show it', async () => {
    const mine = await todo(w.admin);
    expect([...mine.keys()]).toEqual([...TODO_KINDS]);
    expect(mine.get('NEEDS_TO_DISPATCH')).toBe((await allPages<NeedSummary>(t, '/api/committee/needs?status=SUBMITTED', w.admin)).length);
    expect(mine.get('NEEDS_OVERDUE')).toBe((await allPages<NeedSummary>(t, '/api/committee/needs?overdue=true', w.admin)).length);
    expect(mine.get('BRANDS_TO_REVIEW')).toBe((await allPages<BrandWorkspaceResponse>(t, '/api/review/brands', w.admin)).length);
    expect(mine.get('REGISTRATIONS_TO_REVIEW')).toBe(await pendingSignups(w.admin));
    expect(mine.get('REGISTRATIONS_TO_REVIEW')).toBeGreaterThanOrEqual(2);
    expect(mine.get('ASSIGNMENTS_TO_ACCEPT')).toBeGreaterThanOrEqual(1);
    expect(mine.get('ENTERPRISES_TO_VISIT')).toBeGreaterThanOrEqual(1);
  });
});
