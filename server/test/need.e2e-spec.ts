import type { DashboardResponse, DepartmentAssignmentItem, InstructorEnterpriseItem, InstructorSummary, NeedDetail, NeedSummary, NotificationResponse, Page, TalkSummary, VisitResponse } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { Clock } from '../src/common/clock';
import { ActivityEntity } from '../src/modules/activity/activity.entity';
import { RegistrationEntity } from '../src/modules/activity/registration.entity';
import { UserWeekEntity } from '../src/modules/study/points.entity';
import { chinaWeek } from '../src/modules/study/study-calendar';
import { NeedAssignmentEntity } from '../src/modules/need/need-assignment.entity';
import { NeedEntity } from '../src/modules/need/need.entity';
import { NeedDeadlineJob } from '../src/modules/need/need-deadline.job';
import { ChainEntity } from '../src/modules/org/chain.entity';
import { EnterpriseEntity } from '../src/modules/org/enterprise.entity';
import { OrgEntity } from '../src/modules/org/org.entity';
import { UserEntity } from '../src/modules/user/user.entity';
import { VisitEntity } from '../src/modules/visit/visit.entity';
import { publishedActivity, activityBody } from './factories/activity.factory';
import { devLogin } from './factories/auth.factory';
import { deadlineIn, dispatch, needBody, raiseNeed } from './factories/need.factory';
import { createPerson, createWorld, type PersonSpec, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { allPages } from './support/pages';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

describe.each(DATABASES)('needs ledger, visits and dashboard on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let adminUser: Auth;
  let wangjun: Auth;
  let chenjing: Auth;
  let colleague: Auth;
  let outsider: Auth;
  let committee: Auth;
  let sunli: Auth;
  let econ: Auth;
  let econ2: Auth;
  let finance: Auth;
  let zhoukai: Auth;
  let zhoukaiId: string;
  let world: World;
  /** The people's and departments' names carry the world's tag: `named('王军')`. */
  let named: (name: string) => string;
  /** Departments made by the suite, by their name without the tag. */
  const dept: Record<string, string> = {};
  /**
   * The enterprises: 亿鑫化工 is the world's enterprise (on the chain of the world's committee, where the raiser
   * works), 明阳风电 the other chain's, 多维时空 a third one on the world's chain that the instructor is not given.
   */
  const enterprise: Record<string, string> = {};
  let enterpriseName: string;
  /** A 月月谈 session made by the suite. */
  let talkId: string;

  const grant = async (userId: string, body: Record<string, string>) => t.http().post(`/api/admin/users/${userId}/roles`).set(admin).send(body).expect(201);
  const person = async (openid: string, name: string) => devLogin(t, openid, name);
  const detail = (auth: Auth, id: string) => t.http().get(`/api/needs/${id}`).set(auth);
  const act = (auth: Auth, id: string, path: string, body: object = {}) => t.http().post(`/api/needs/${id}/${path}`).set(auth).send(body);
  const inbox = async (auth: Auth) => ((await t.http().get('/api/me/notifications?limit=50').set(auth).expect(200)).body as Page<NotificationResponse>).items;

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
    admin = world.admin;
    named = (name) => `${world.tag}${name}`;
    for (const name of ['经济发展局', '金融服务办公室', '税务局']) {
      dept[name] = ((await t.http().post('/api/admin/departments').set(admin).send({ name: named(name) }).expect(201)).body as { id: string }).id;
    }
    enterprise['亿鑫化工'] = world.enterprise.id;
    enterprise['明阳风电'] = world.otherEnterprise.id;
    enterprise['多维时空'] = ((await t.http().post('/api/admin/enterprises').set(admin).send({ name: named('多维时空'), chainId: world.chain.id, chainRole: 'MEMBER' }).expect(201)).body as { id: string }).id;
    enterpriseName = world.enterprise.name;

    const mk = async (key: string, spec: PersonSpec) => createPerson(t, admin, world.tag, key, spec);
    // 王军: an entrepreneur (群众) of the world's enterprise; 陈静: the secretary of the branch inside it.
    wangjun = (await mk('raiser', { name: named('王军'), enterpriseId: world.enterprise.id, politicalStatus: 'MASSES' })).auth;
    chenjing = world.secretary.auth;
    // 孙丽: committee staff of the other chain's industry committee.
    sunli = (await mk('other-committee', { name: named('孙丽'), roles: [{ role: 'COMMITTEE', orgId: world.otherCommitteeOrg.id }] })).auth;
    econ = (await mk('econ', { name: named('赵敏'), roles: [{ role: 'DEPARTMENT', departmentId: dept['经济发展局'] }] })).auth;
    adminUser = (await mk('admin-user', { name: named('许红'), politicalStatus: 'FULL_MEMBER', roles: [{ role: 'ADMIN' }] })).auth;
    const zk = await mk('instructor', { name: named('周凯'), politicalStatus: 'FULL_MEMBER', roles: [{ role: 'INSTRUCTOR' }] });
    zhoukai = zk.auth;
    zhoukaiId = zk.id;
    outsider = (await person('need-outsider', '路人')).auth;

    colleague = (await mk('colleague', { name: named('同事'), enterpriseId: world.enterprise.id })).auth;
    const staff = await person('need-committee-staff', named('石化党委干事'));
    await grant(staff.user.id, { role: 'COMMITTEE', orgId: world.committeeOrg.id });
    committee = staff.auth;
    const e2 = await person('need-econ-2', '经发局二号');
    await grant(e2.user.id, { role: 'DEPARTMENT', departmentId: dept['经济发展局'] });
    econ2 = e2.auth;
    const fin = await person('need-finance', '金融办');
    await grant(fin.user.id, { role: 'DEPARTMENT', departmentId: dept['金融服务办公室'] });
    finance = fin.auth;

    // What the seed's samples gave the suite, made here: a closed, rated need handled by 金融服务办公室 (the
    // department's history, the ledger export and the dashboard's satisfaction), and a visit to 亿鑫化工 by the
    // instructor before the test's own.
    const sample = await raiseNeed(t, wangjun, { title: named('流动资金周转紧张'), category: 'WORKING_CAPITAL' });
    const d = await dispatch(t, committee, sample.id, [dept['金融服务办公室']]);
    await act(finance, sample.id, `assignments/${d.assignments[0].id}/accept`).expect(200);
    await act(finance, sample.id, `assignments/${d.assignments[0].id}/resolve`, { answer: '已对接银行续贷' }).expect(200);
    await act(wangjun, sample.id, 'rate', { rating: 5 }).expect(200);
    await t.http().put(`/api/admin/instructors/${zhoukaiId}/enterprises`).set(admin).send({ enterpriseIds: [enterprise['亿鑫化工']] }).expect(200);
    await t.http().post('/api/visits').set(zhoukai).send({ enterpriseId: enterprise['亿鑫化工'], visitedOn: '2026-11-20', peopleMet: named('王军'), discussed: '走访', problems: [] }).expect(201);
    const start = Date.now() + 72 * HOUR;
    const talk = await t.http()
      .post('/api/admin/talks')
      .set(admin)
      .send({ theme: named('稳链强链与要素保障'), description: '本期聚焦要素保障。', location: '党群服务中心', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * HOUR).toISOString(), signupEndAt: new Date(start - 24 * HOUR).toISOString(), capacity: 30, hostDepartmentIds: [dept['经济发展局']] })
      .expect(201);
    talkId = (talk.body as TalkSummary).id;
    await t.http().post(`/api/admin/talks/${talkId}/publish`).set(admin).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs the full path 点单 → 派单 (two departments) → 退回 / 接单 → 办结 → 评价, with a plain-Chinese timeline', async () => {
    const need = await raiseNeed(t, wangjun);
    expect(need).toMatchObject({ status: 'SUBMITTED', statusLabel: '待派单', enterpriseName, raisedByName: named('王军'), category: 'RAW_MATERIALS' });
    expect(need.timeline.map((e) => e.kind)).toEqual(['RAISED']);

    const ledger = (await allPages<NeedSummary>(t, '/api/committee/needs', committee));
    expect(ledger.map((n) => n.id)).toContain(need.id);
    const otherLedger = (await allPages<NeedSummary>(t, '/api/committee/needs', sunli));
    expect(otherLedger.map((n) => n.id)).not.toContain(need.id);
    expect((await inbox(committee)).some((n) => n.kind === 'NEED_RAISED')).toBe(true);

    const dispatched = await dispatch(t, committee, need.id, [dept['经济发展局'], dept['金融服务办公室']]);
    expect(dispatched.status).toBe('DISPATCHED');
    expect(dispatched.assignments.map((a) => [a.departmentName, a.status])).toEqual([
      [named('经济发展局'), 'PENDING'],
      [named('金融服务办公室'), 'PENDING'],
    ]);
    expect((await inbox(econ)).some((n) => n.kind === 'NEED_ASSIGNED' && n.link?.endsWith(`id=${need.id}`))).toBe(true);
    const [econA, finA] = dispatched.assignments;

    const mine = (await allPages<DepartmentAssignmentItem>(t, '/api/department/assignments', finance));
    expect(mine.filter((x) => x.need.id === need.id).map((x) => x.assignment.id)).toEqual([finA.id]);
    expect(mine.some((x) => x.need.status === 'CLOSED' && x.need.title === named('流动资金周转紧张'))).toBe(true);

    const returned = (await act(finance, need.id, `assignments/${finA.id}/return`, { note: '不属于本部门职责，建议改派经发局' }).expect(200)).body as NeedDetail;
    expect(returned.status).toBe('DISPATCHED');
    expect(returned.assignments.find((a) => a.id === finA.id)).toMatchObject({ status: 'RETURNED', returnReason: '不属于本部门职责，建议改派经发局' });
    expect((await inbox(committee)).some((n) => n.kind === 'NEED_RETURNED')).toBe(true);
    const again = await act(finance, need.id, `assignments/${finA.id}/accept`).expect(409);
    expect(again.body.code).toBe('NEED_STATE_INVALID');

    await act(econ, need.id, `assignments/${econA.id}/resolve`, { answer: '还没接单' }).expect(409);
    const accepted = (await act(econ, need.id, `assignments/${econA.id}/accept`).expect(200)).body as NeedDetail;
    expect(accepted.status).toBe('IN_PROGRESS');
    await act(econ, need.id, `assignments/${econA.id}/progress`, { note: '已约谈上游企业，下周恢复供货' }).expect(200);
    expect((await act(wangjun, need.id, 'rate', { rating: 5 }).expect(409)).body.code).toBe('NEED_STATE_INVALID');

    const resolved = (await act(econ, need.id, `assignments/${econA.id}/resolve`, { answer: '已协调庆化石化每月保供丙烯 800 吨' }).expect(200)).body as NeedDetail;
    expect(resolved.status).toBe('RESOLVED');
    expect(resolved.answer).toContain(`${named('经济发展局')}：已协调庆化石化每月保供丙烯 800 吨`);
    expect((await inbox(wangjun)).some((n) => n.kind === 'NEED_RESOLVED')).toBe(true);

    expect((await act(committee, need.id, 'rate', { rating: 5 }).expect(403)).body.code).toBe('FORBIDDEN');
    await act(wangjun, need.id, 'rate', { rating: 6 }).expect(400);
    const rated = (await act(wangjun, need.id, 'rate', { rating: 4, comment: '协调及时' }).expect(200)).body as NeedDetail;
    expect(rated).toMatchObject({ status: 'CLOSED', rating: 4, ratingComment: '协调及时' });
    expect(rated.timeline.map((e) => e.kind)).toEqual(['RAISED', 'DISPATCHED', 'DISPATCHED', 'RETURNED', 'ACCEPTED', 'PROGRESS', 'RESOLVED', 'RATED']);
    expect(rated.timeline.map((e) => e.text)).toEqual([
      `${named('王军')}提交了需求`,
      `${named('石化党委干事')}将需求派给${named('经济发展局')}办理`,
      `${named('石化党委干事')}将需求派给${named('金融服务办公室')}办理`,
      `${named('金融服务办公室')}退回了需求，等待产业党委重新派单`,
      `${named('经济发展局')}已接单，正在办理`,
      `${named('经济发展局')}更新了办理进展`,
      `${named('经济发展局')}已办结`,
      `${named('王军')}确认办结并作出评价`,
    ]);
    expect(rated.timeline[1].note).toContain('办理期限');
    expect((await act(wangjun, need.id, 'rate', { rating: 3 }).expect(409)).body.code).toBe('NEED_STATE_INVALID');
    expect((await act(econ, need.id, `assignments/${econA.id}/progress`, { note: '再记一笔' }).expect(409)).body.code).toBe('NEED_STATE_INVALID');
  });

  it('answers directly, reopens with a reason, re-dispatches after a return', async () => {
    const need = await raiseNeed(t, wangjun, { category: 'POLICY', urgency: 'NORMAL', title: '研发费用加计扣除咨询' });
    const answered = (await act(committee, need.id, 'answer', { answer: '已发送政策解读' }).expect(200)).body as NeedDetail;
    expect(answered).toMatchObject({ status: 'RESOLVED', answer: '已发送政策解读' });
    await act(committee, need.id, 'answer', { answer: '再答一次' }).expect(409);
    await act(wangjun, need.id, 'reopen', { note: '' }).expect(400);
    await act(colleague, need.id, 'reopen', { note: '不满意' }).expect(404);
    const reopened = (await act(wangjun, need.id, 'reopen', { note: '解读没有说明申报时间' }).expect(200)).body as NeedDetail;
    expect(reopened).toMatchObject({ status: 'SUBMITTED', resolvedAt: null });
    expect(reopened.timeline.at(-1)).toMatchObject({ kind: 'REOPENED', note: '解读没有说明申报时间', text: `${named('王军')}认为问题尚未解决，重新提出` });
    expect((await inbox(committee)).some((n) => n.kind === 'NEED_REOPENED')).toBe(true);

    const d = await dispatch(t, committee, need.id, [dept['金融服务办公室']]);
    await act(committee, need.id, 'answer', { answer: '派单中不能直接答复' }).expect(409);
    const back = (await act(finance, need.id, `assignments/${d.assignments[0].id}/return`, { note: '请改派税务局' }).expect(200)).body as NeedDetail;
    expect(back.status).toBe('SUBMITTED');
    const redispatched = await dispatch(t, committee, need.id, [dept['经济发展局']]);
    expect(redispatched.status).toBe('DISPATCHED');
    expect(redispatched.assignments.map((a) => a.status)).toEqual(['RETURNED', 'PENDING']);
  });

  it('refuses illegal steps with codes', async () => {
    const need = await raiseNeed(t, wangjun, { title: '非法操作测试' });
    await t.http().post(`/api/needs/${need.id}/dispatch`).set(committee).send({ assignments: [{ departmentId: dept['税务局'], deadline: deadlineIn(-1) }] }).expect(400);
    await t.http().post(`/api/needs/${need.id}/dispatch`).set(committee).send({ assignments: [] }).expect(400);
    await t.http().post(`/api/needs/${need.id}/dispatch`).set(committee).send({ assignments: [{ departmentId: '999999', deadline: deadlineIn(1) }] }).expect(400);
    await t.http().post(`/api/needs/${need.id}/dispatch`).set(committee).send({ assignments: [{ departmentId: dept['税务局'], deadline: deadlineIn(1) }, { departmentId: dept['税务局'], deadline: deadlineIn(2) }] }).expect(400);
    // Department handlers, secretaries and entrepreneurs cannot dispatch.
    await act(econ, need.id, 'dispatch', { assignments: [{ departmentId: dept['税务局'], deadline: deadlineIn(1) }] }).expect(403);
    expect((await act(sunli, need.id, 'dispatch', { assignments: [{ departmentId: dept['税务局'], deadline: deadlineIn(1) }] }).expect(404)).body.code).toBe('NOT_FOUND');
    const d = await dispatch(t, committee, need.id, [dept['经济发展局']]);
    expect((await act(committee, need.id, 'dispatch', { assignments: [{ departmentId: dept['经济发展局'], deadline: deadlineIn(2) }] }).expect(409)).body.code).toBe('NEED_STATE_INVALID');
    // Resolving what you were not assigned: finance can see nothing here; the admin is not a handler.
    await act(finance, need.id, `assignments/${d.assignments[0].id}/accept`).expect(404);
    expect((await act(admin, need.id, `assignments/${d.assignments[0].id}/accept`).expect(403)).body.code).toBe('FORBIDDEN');
    await act(econ, need.id, 'assignments/999999/accept').expect(404);
    await act(wangjun, need.id, 'reopen', { note: '未办结不能重开' }).expect(409);
    await t.http().post('/api/needs').set(wangjun).send(needBody({ category: 'MONEY' as never })).expect(400);
    await t.http().post('/api/needs').set(wangjun).send(needBody({ imageIds: ['999999'] })).expect(400);
    expect((await t.http().post('/api/needs').set(outsider).send(needBody()).expect(422)).body.code).toBe('NEED_NO_ENTERPRISE');
    await t.http().post('/api/needs').set(wangjun).send(needBody({ enterpriseId: enterprise['明阳风电'] })).expect(422);
  });

  it('merges a duplicate into another open need of the same committee', async () => {
    const a = await raiseNeed(t, wangjun, { title: '原料保供（重复）' });
    const b = await raiseNeed(t, chenjing, { title: '原料保供' });
    await dispatch(t, committee, a.id, [dept['税务局']]);
    await act(committee, a.id, 'merge', { targetNeedId: a.id }).expect(422);
    // A need of the other chain's committee.
    const ming = (await raiseNeed(t, world.entrepreneur.auth, { title: '叶片工艺工程师招聘难' })).id;
    expect((await act(committee, a.id, 'merge', { targetNeedId: String(ming) }).expect(422)).body.code).toBe('NEED_MERGE_INVALID');
    const merged = (await act(committee, a.id, 'merge', { targetNeedId: b.id, note: '同一事项' }).expect(200)).body as NeedDetail;
    expect(merged).toMatchObject({ status: 'MERGED', mergedIntoId: b.id });
    expect(merged.assignments.map((x) => x.status)).toEqual(['CANCELLED']);
    const target = (await detail(committee, b.id).expect(200)).body as NeedDetail;
    expect(target.timeline.at(-1)).toMatchObject({ kind: 'MERGED' });
    expect(target.timeline.at(-1)?.note).toContain(`#${a.id}`);
    await act(committee, b.id, 'merge', { targetNeedId: a.id }).expect(422);
    await act(committee, a.id, 'merge', { targetNeedId: b.id }).expect(409);
  });

  it('shows a need only to those who may see it; everyone else gets the same 404 as a missing need', async () => {
    const need = await raiseNeed(t, wangjun, { title: '可见性测试' });
    for (const auth of [wangjun, chenjing, committee, admin]) await detail(auth, need.id).expect(200);
    const missing = await detail(outsider, '999999').expect(404);
    for (const auth of [econ, sunli, outsider, colleague, zhoukai]) {
      const res = await detail(auth, need.id).expect(404);
      expect(res.body).toEqual(missing.body);
    }
    await dispatch(t, committee, need.id, [dept['经济发展局']]);
    await detail(econ, need.id).expect(200);
    await detail(finance, need.id).expect(404);

    const secretaryList = (await allPages<NeedSummary>(t, '/api/me/needs', chenjing));
    expect(secretaryList.map((n) => n.id)).toContain(need.id);
    const colleagueList = (await allPages<NeedSummary>(t, '/api/me/needs', colleague));
    expect(colleagueList).toEqual([]);
    const econList = (await allPages<DepartmentAssignmentItem>(t, '/api/department/assignments', econ));
    expect(econList.map((x) => x.need.id)).toContain(need.id);
    await t.http().get('/api/committee/needs').set(outsider).expect(403);
    await t.http().get('/api/department/assignments').set(wangjun).expect(403);
    const filtered = (await allPages<NeedSummary>(t, `/api/committee/needs?status=DISPATCHED&departmentId=${dept['经济发展局']}`, committee));
    expect(filtered.map((n) => n.id)).toContain(need.id);
    expect(filtered.every((n) => n.status === 'DISPATCHED')).toBe(true);
    await t.http().get('/api/committee/needs?status=NOPE').set(committee).expect(400);
  });

  it('lets exactly one of two handlers accept the same assignment at once', async () => {
    const need = await raiseNeed(t, wangjun, { title: '并发接单测试' });
    const d = await dispatch(t, committee, need.id, [dept['经济发展局']]);
    const path = `assignments/${d.assignments[0].id}/accept`;
    const results = await Promise.all([act(econ, need.id, path), act(econ2, need.id, path)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('NEED_STATE_INVALID');
    const after = (await detail(committee, need.id).expect(200)).body as NeedDetail;
    expect(after.timeline.filter((e) => e.kind === 'ACCEPTED')).toHaveLength(1);
    expect(after.assignments[0].status).toBe('ACCEPTED');
  });

  it('reminds before a deadline once, flags overdue and escalates to admins, escalates stale needs', async () => {
    const clock = t.app.get(Clock);
    const job = t.app.get(NeedDeadlineJob);
    try {
      await job.runDeadlineChecks(); // the seeded samples' overdue assignment is flagged here
      const need = await raiseNeed(t, wangjun, { title: '期限提醒测试' });
      await t.http().post(`/api/needs/${need.id}/dispatch`).set(committee).send({ assignments: [{ departmentId: dept['经济发展局'], deadline: deadlineIn(0, 30 * HOUR) }] }).expect(200);
      const kinds = async () => ((await detail(committee, need.id).expect(200)).body as NeedDetail).timeline.map((e) => e.kind);

      expect(await job.runDeadlineChecks()).toMatchObject({ reminded: 0, overdue: 0 });
      clock.travel(8 * HOUR);
      expect((await job.runDeadlineChecks()).reminded).toBe(1);
      expect((await job.runDeadlineChecks()).reminded).toBe(0);
      expect((await kinds()).filter((k) => k === 'REMINDED')).toHaveLength(1);
      expect((await inbox(econ)).filter((n) => n.kind === 'NEED_DEADLINE_SOON' && n.link?.endsWith(`id=${need.id}`))).toHaveLength(1);

      clock.travel(23 * HOUR);
      expect((await job.runDeadlineChecks()).overdue).toBe(1);
      expect((await job.runDeadlineChecks()).overdue).toBe(0);
      expect((await kinds()).filter((k) => k === 'OVERDUE')).toHaveLength(1);
      expect((await inbox(adminUser)).filter((n) => n.kind === 'NEED_OVERDUE' && n.link?.endsWith(`id=${need.id}`))).toHaveLength(1);
      const overdue = (await allPages<NeedSummary>(t, '/api/committee/needs?overdue=true', committee));
      expect(overdue.find((n) => n.id === need.id)).toMatchObject({ overdue: true });
      const notOverdue = (await allPages<NeedSummary>(t, '/api/committee/needs?overdue=false', committee));
      expect(notOverdue.map((n) => n.id)).not.toContain(need.id);

      const stale = await raiseNeed(t, wangjun, { title: '长期无人处理测试' });
      clock.travel(4 * DAY);
      await job.runDeadlineChecks();
      expect(((await detail(admin, stale.id).expect(200)).body as NeedDetail).timeline.map((e) => e.kind)).toEqual(['RAISED']);
      clock.travel(2 * DAY);
      expect((await job.runDeadlineChecks()).escalated).toBeGreaterThanOrEqual(1);
      await job.runDeadlineChecks();
      const escalated = (await detail(admin, stale.id).expect(200)).body as NeedDetail;
      expect(escalated.timeline.map((e) => e.kind)).toEqual(['RAISED', 'ESCALATED']);
      expect((await inbox(adminUser)).filter((n) => n.kind === 'NEED_ESCALATED' && n.link?.endsWith(`id=${stale.id}`))).toHaveLength(1);
      await t.http().post('/api/admin/needs/deadline-checks').set(wangjun).expect(403);
      await t.http().post('/api/admin/needs/deadline-checks').set(admin).expect(200);
    } finally {
      clock.reset();
    }
  });

  it('turns a 月月谈 appeal into a need in one action, once', async () => {
    const talks = (await allPages<TalkSummary>(t, '/api/talks', wangjun));
    const talk = talks.find((x) => x.id === talkId)!;
    const reg = await t.http()
      .post(`/api/talks/${talk.id}/registrations`)
      .set(wangjun)
      .send({ enterpriseId: enterprise['亿鑫化工'], position: '董事长', phone: '13800000006', category: 'WORKING_CAPITAL', appeal: '希望对接银行续贷' })
      .expect(200);
    const appealId = reg.body.appeal.id as string;
    await t.http().post(`/api/admin/appeals/${appealId}/need`).set(committee).expect(403);
    const need = (await t.http().post(`/api/admin/appeals/${appealId}/need`).set(admin).expect(201)).body as NeedDetail;
    expect(need).toMatchObject({ appealId, category: 'WORKING_CAPITAL', raisedByName: named('王军'), enterpriseName, status: 'SUBMITTED', description: '希望对接银行续贷' });
    expect(need.timeline[0]).toMatchObject({ kind: 'RAISED', text: `${named('王军')}提交了需求` });
    expect(need.timeline[0].note).toContain('月月谈');
    expect((await t.http().post(`/api/admin/appeals/${appealId}/need`).set(admin).expect(409)).body.code).toBe('NEED_STATE_INVALID');
    const mine = (await allPages<NeedSummary>(t, '/api/me/needs', wangjun));
    expect(mine.map((n) => n.id)).toContain(need.id);
    await t.http().post('/api/admin/appeals/999999/need').set(admin).expect(404);

    const other = await person('need-appeal-unlisted', '李总');
    const unlisted = await t.http()
      .post(`/api/talks/${talk.id}/registrations`)
      .set(other.auth)
      .send({ enterpriseName: '未入链企业', position: '总经理', phone: '13900000009', category: 'TALENT', appeal: '招工难' })
      .expect(200);
    expect((await t.http().post(`/api/admin/appeals/${unlisted.body.appeal.id}/need`).set(admin).expect(422)).body.code).toBe('NEED_NO_ENTERPRISE');
  });

  it('lets admins assign instructors; an instructor logs a visit and raises a problem as a need in one action', async () => {
    const seeded = (await t.http().get('/api/instructor/enterprises').set(zhoukai).expect(200)).body as InstructorEnterpriseItem[];
    expect(seeded.map((e) => e.enterpriseName)).toEqual([enterpriseName]);
    await t.http().put(`/api/admin/instructors/${zhoukaiId}/enterprises`).set(zhoukai).send({ enterpriseIds: [] }).expect(403);
    const outsiderId = (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ openid: 'need-outsider' })).id;
    await t.http().put(`/api/admin/instructors/${outsiderId}/enterprises`).set(admin).send({ enterpriseIds: [enterprise['亿鑫化工']] }).expect(404);
    const set = (await t.http().put(`/api/admin/instructors/${zhoukaiId}/enterprises`).set(admin).send({ enterpriseIds: [enterprise['亿鑫化工'], enterprise['明阳风电']] }).expect(200)).body as InstructorEnterpriseItem[];
    expect(set.map((e) => e.enterpriseName)).toEqual([world.otherEnterprise.name, enterpriseName]);
    expect(set.find((e) => e.enterpriseName === enterpriseName)).toMatchObject({ visitCount: 1 });

    const visit = (await t.http()
      .post('/api/visits')
      .set(zhoukai)
      .send({
        enterpriseId: enterprise['亿鑫化工'],
        visitedOn: '2026-11-27',
        peopleMet: `${named('王军')}、${world.secretary.name}`,
        discussed: '了解原料保供进展',
        problems: [
          { title: '危化品运输车辆通行证办理慢', description: '通行证办理需 15 个工作日', category: 'PERMITS', raiseNeed: true },
          { title: '党员活动室面积不足', description: '建议结合厂区改造统筹', category: 'OTHER' },
        ],
      })
      .expect(201)).body as VisitResponse;
    expect(visit.problems[0].needId).not.toBeNull();
    expect(visit.problems[1].needId).toBeNull();
    const need = (await detail(zhoukai, visit.problems[0].needId!).expect(200)).body as NeedDetail;
    expect(need).toMatchObject({ visitId: visit.id, raisedByName: named('周凯'), enterpriseName, category: 'PERMITS', status: 'SUBMITTED' });
    await detail(chenjing, need.id).expect(200);
    await detail(committee, need.id).expect(200);

    const after = (await t.http().get('/api/instructor/enterprises').set(zhoukai).expect(200)).body as InstructorEnterpriseItem[];
    expect(after.find((e) => e.enterpriseName === enterpriseName)).toMatchObject({ lastVisitedOn: '2026-11-27', visitCount: 2 });
    const visits = (await allPages<VisitResponse>(t, `/api/visits?enterpriseId=${enterprise['亿鑫化工']}`, zhoukai));
    expect(visits.map((v) => v.id)).toContain(visit.id);
    expect(visits.every((v) => v.enterpriseName === enterpriseName && v.instructorName === named('周凯'))).toBe(true);
    await t.http().get('/api/visits?enterpriseId=abc').set(zhoukai).expect(400);

    // The 管理后台's 指导员 screen: instructors with their counts, one's enterprises, their visits.
    await t.http().get('/api/admin/instructors').set(zhoukai).expect(403);
    const instructors = (await t.http().get('/api/admin/instructors').set(admin).expect(200)).body as InstructorSummary[];
    const theirs = await allPages<VisitResponse>(t, `/api/visits?instructorId=${zhoukaiId}`, admin);
    expect(instructors.find((i) => i.id === String(zhoukaiId))).toMatchObject({ name: named('周凯'), enterpriseCount: 2, visitCount: theirs.length, lastVisitedOn: '2026-11-27' });
    expect(instructors.some((i) => i.id === String(outsiderId))).toBe(false);
    const assigned = (await t.http().get(`/api/admin/instructors/${zhoukaiId}/enterprises`).set(admin).expect(200)).body as InstructorEnterpriseItem[];
    expect(assigned.map((e) => e.enterpriseName).sort()).toEqual([enterpriseName, world.otherEnterprise.name].sort());
    await t.http().get(`/api/admin/instructors/${outsiderId}/enterprises`).set(admin).expect(404);
    await t.http().get(`/api/admin/instructors/${zhoukaiId}/enterprises`).set(zhoukai).expect(403);
    expect(theirs.map((v) => v.id)).toContain(visit.id);
    expect(theirs.every((v) => v.instructorId === String(zhoukaiId))).toBe(true);
    expect(await allPages<VisitResponse>(t, `/api/visits?instructorId=${outsiderId}`, admin)).toEqual([]);

    await t.http().post('/api/visits').set(zhoukai).send({ enterpriseId: enterprise['多维时空'], visitedOn: '2026-11-27', peopleMet: '李娜', discussed: '交流', problems: [] }).expect(404);
    await t.http().post('/api/visits').set(wangjun).send({ enterpriseId: enterprise['亿鑫化工'], visitedOn: '2026-11-27', peopleMet: 'x', discussed: 'x', problems: [] }).expect(403);
    await t.http().post('/api/visits').set(zhoukai).send({ enterpriseId: enterprise['亿鑫化工'], visitedOn: '27/11', peopleMet: 'x', discussed: 'x', problems: [] }).expect(400);
  });

  it('documents every new route in the OpenAPI spec', async () => {
    const spec = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/needs',
        'GET /api/me/needs',
        'GET /api/needs/{id}',
        'GET /api/committee/needs',
        'GET /api/committee/needs/export',
        'POST /api/needs/{id}/dispatch',
        'POST /api/needs/{id}/answer',
        'POST /api/needs/{id}/merge',
        'GET /api/department/assignments',
        'POST /api/needs/{id}/assignments/{assignmentId}/accept',
        'POST /api/needs/{id}/assignments/{assignmentId}/return',
        'POST /api/needs/{id}/assignments/{assignmentId}/progress',
        'POST /api/needs/{id}/assignments/{assignmentId}/resolve',
        'POST /api/needs/{id}/rate',
        'POST /api/needs/{id}/reopen',
        'POST /api/admin/appeals/{id}/need',
        'POST /api/admin/needs/deadline-checks',
        'PUT /api/admin/instructors/{id}/enterprises',
        'GET /api/admin/instructors',
        'GET /api/admin/instructors/{id}/enterprises',
        'GET /api/instructor/enterprises',
        'POST /api/visits',
        'GET /api/visits',
        'GET /api/dashboard',
      ]),
    );
  });

  it('computes the dashboard from rows, per chain and in total, scoped for committee staff', async () => {
    const ds = t.dataSource;
    // An assignment on the world's chain whose deadline has passed (dispatch refuses past deadlines: moved in the rows).
    const late = await raiseNeed(t, wangjun, { title: '逾期统计测试' });
    await dispatch(t, committee, late.id, [dept['税务局']]);
    await ds.getRepository(NeedAssignmentEntity).update({ needId: Number(late.id) }, { deadline: new Date(Date.now() - HOUR) });
    const chains = await ds.getRepository(ChainEntity).find({ order: { sortOrder: 'ASC' } });
    const enterprises = await ds.getRepository(EnterpriseEntity).find();
    const orgs = await ds.getRepository(OrgEntity).find();
    const users = await ds.getRepository(UserEntity).find();
    const needs = await ds.getRepository(NeedEntity).find();
    const assignments = await ds.getRepository(NeedAssignmentEntity).find();
    const visits = await ds.getRepository(VisitEntity).find();
    const chainOf = (enterpriseId: number | null) => enterprises.find((e) => e.id === enterpriseId)?.chainId ?? null;

    const res = (await t.http().get('/api/dashboard').set(admin).expect(200)).body as DashboardResponse;
    expect(res.chains.map((c) => c.chainName)).toEqual(chains.map((c) => c.name));
    const now = Date.now();
    for (const chain of chains) {
      const f = res.chains.find((c) => c.chainId === String(chain.id))!.figures;
      const onChain = enterprises.filter((e) => e.chainId === chain.id);
      const chainNeeds = needs.filter((n) => n.chainId === chain.id);
      const rated = chainNeeds.filter((n) => n.rating !== null);
      expect(f).toMatchObject({
        leaderEnterprises: onChain.filter((e) => e.chainRole === 'LEADER').length,
        coreEnterprises: onChain.filter((e) => e.chainRole === 'CORE').length,
        memberEnterprises: onChain.filter((e) => e.chainRole === 'MEMBER').length,
        orgs: orgs.filter((o) => chainOf(o.enterpriseId) === chain.id).length,
        enterprisesCovered: new Set(orgs.filter((o) => chainOf(o.enterpriseId) === chain.id).map((o) => o.enterpriseId)).size,
        partyMembers: users.filter((u) => chainOf(u.enterpriseId) === chain.id && ['FULL_MEMBER', 'PROBATIONARY_MEMBER'].includes(u.politicalStatus ?? '')).length,
        visits: visits.filter((v) => chainOf(v.enterpriseId) === chain.id).length,
        needsRaised: chainNeeds.length,
        needsResolved: chainNeeds.filter((n) => n.status === 'RESOLVED' || n.status === 'CLOSED').length,
        needsOverdue: chainNeeds.filter((n) => assignments.some((a) => a.needId === n.id && ['PENDING', 'ACCEPTED'].includes(a.status) && a.deadline.getTime() <= now)).length,
        ratedCount: rated.length,
      });
      expect(f.satisfaction).toBe(rated.length ? Math.round((rated.reduce((s, n) => s + n.rating!, 0) / rated.length) * 100) / 100 : null);
    }
    const petrochem = res.chains.find((c) => c.chainName === world.chain.name)!.figures;
    expect(petrochem).toMatchObject({ leaderEnterprises: 1, coreEnterprises: 0, memberEnterprises: 1 });
    expect(petrochem.needsOverdue).toBeGreaterThanOrEqual(1);
    expect(petrochem.avgHandlingHours).not.toBeNull();
    expect(res.total.needsRaised).toBe(needs.length);
    expect(res.total.visits).toBe(visits.length);
    expect(res.total.leaderEnterprises).toBe(enterprises.filter((e) => e.chainId !== null && e.chainRole === 'LEADER').length);
    expect(res.total.attendance).toBe(await ds.getRepository(RegistrationEntity).countBy({ attendance: 'CHECKED_IN' }));
    expect(res.total.studyParticipants).toBe((await ds.getRepository(UserWeekEntity).findBy({ week: chinaWeek(new Date()) })).filter((w) => w.points > 0).length);
    // A seed check, kept on purpose: the seed's sample need keeps its own dates (raised 20 days ago, resolved two
    // days later), so that a fresh demo zone shows handling times.
    const sample = needs.find((n) => n.title === '流动资金周转紧张' && n.isSample)!;
    expect(Math.round((now - sample.createdAt.getTime()) / DAY)).toBe(20);
    expect(Math.round((sample.resolvedAt!.getTime() - sample.createdAt.getTime()) / HOUR)).toBe(48);

    // An activity of the world's branch that has ended counts as held, for its chain and in the total.
    const before = petrochem.activitiesHeld;
    const activity = await publishedActivity(t, chenjing, activityBody(world.branch.id));
    await ds.getRepository(ActivityEntity).update({ id: Number(activity.id) }, { startAt: new Date(now - 3 * HOUR), endAt: new Date(now - HOUR) });
    const later = (await t.http().get('/api/dashboard').set(admin).expect(200)).body as DashboardResponse;
    expect(later.chains.find((c) => c.chainName === world.chain.name)!.figures.activitiesHeld).toBe(before + 1);
    expect(later.total.activitiesHeld).toBe(res.total.activitiesHeld + 1);

    const scoped = (await t.http().get('/api/dashboard').set(sunli).expect(200)).body as DashboardResponse;
    expect(scoped.chains.map((c) => c.chainName)).toEqual([world.otherChain.name]);
    expect(scoped.total).toEqual(scoped.chains[0].figures);
    await t.http().get('/api/dashboard').set(wangjun).expect(403);
  });

  it('exports the ledger as .xlsx with filters, audited', async () => {
    const res = await t.http()
      .get('/api/committee/needs/export?status=CLOSED')
      .set(committee)
      .buffer(true)
      .parse((response, cb) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('需求台账')!;
    const closed = await t.dataSource.getRepository(NeedEntity).countBy({ status: 'CLOSED', committeeOrgId: Number(world.committeeOrg.id) });
    expect(sheet.rowCount - 1).toBe(closed);
    expect(String(sheet.getRow(2).getCell(6).value)).toBe('已办结');
    const audit = await t.http().get('/api/admin/audit-logs?entityType=need').set(admin).expect(200);
    expect(JSON.stringify(audit.body)).toContain('need.export');
    await t.http().get('/api/committee/needs/export').set(wangjun).expect(403);
  });
});
