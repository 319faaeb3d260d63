import type { AdminAppealResponse, AppealResponse, DepartmentResponse, TalkDetail, TalkSummary } from '@torch-red/shared';
import { devLogin } from './factories/auth.factory';
import { createWorld, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { allPages } from './support/pages';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;

describe.each(DATABASES)('企业家月月谈 on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let entrepreneur: Auth;
  let world: World;
  /** Host departments made by the suite: the world's and two more. */
  let departments: DepartmentResponse[];
  let enterpriseId: string;
  let enterpriseName: string;

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
    admin = world.admin;
    entrepreneur = world.entrepreneur.auth;
    const more: DepartmentResponse[] = [];
    for (const name of ['营商局', '金融办']) more.push((await t.http().post('/api/admin/departments').set(admin).send({ name: `${world.tag}${name}` }).expect(201)).body as DepartmentResponse);
    departments = (await t.http().get('/api/departments').set(entrepreneur).expect(200)).body as DepartmentResponse[];
    departments = [world.department.id, ...more.map((d) => d.id)].map((id) => departments.find((d) => d.id === id)!);
    // The entrepreneur's own enterprise, on a chain.
    enterpriseId = world.otherEnterprise.id;
    enterpriseName = world.otherEnterprise.name;
  });
  afterAll(async () => {
    await t?.close();
  });

  const createTalk = async (capacity: number, hosts: DepartmentResponse[] = [departments[0], departments[1]]): Promise<TalkSummary> => {
    const start = Date.now() + 72 * HOUR;
    const created = await t.http()
      .post('/api/admin/talks')
      .set(admin)
      .send({
        theme: '人才引进与技术合作',
        description: '本期聚焦人才与技术。',
        location: '党群服务中心',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 2 * HOUR).toISOString(),
        signupEndAt: new Date(start - 24 * HOUR).toISOString(),
        capacity,
        hostDepartmentIds: hosts.map((d) => d.id),
      })
      .expect(201);
    expect(created.body.activity).toMatchObject({ status: 'DRAFT', type: 'ENTREPRENEUR_TALK', requiresApproval: true });
    const published = await t.http().post(`/api/admin/talks/${created.body.id}/publish`).set(admin).expect(200);
    return published.body as TalkSummary;
  };

  const register = (auth: Auth, talkId: string, body: Record<string, unknown>) => t.http().post(`/api/talks/${talkId}/registrations`).set(auth).send(body);

  it('lists a published session with its host departments', async () => {
    const made = await createTalk(30, departments);
    const talks = (await allPages<TalkSummary>(t, '/api/talks', entrepreneur));
    const listed = talks.find((x) => x.id === made.id)!;
    expect(listed.hostDepartments.map((d) => d.name)).toEqual([`${world.tag}发展局`, `${world.tag}营商局`, `${world.tag}金融办`]);
    expect(listed.activity).toMatchObject({ status: 'PUBLISHED', capacity: 30 });
  });

  it('registers an entrepreneur with an appeal through the sign-up engine, once', async () => {
    const talk = await createTalk(1);
    const body = { enterpriseId, position: '董事长', phone: '13800000006', category: 'RAW_MATERIALS', appeal: '希望协调稳定丙烯原料供应' };
    const first = await register(entrepreneur, talk.id, body).expect(200);
    expect(first.body.registration.status).toBe('PENDING');
    expect(first.body.appeal).toMatchObject({ enterpriseName, category: 'RAW_MATERIALS', status: 'RECEIVED' });
    const again = await register(entrepreneur, talk.id, body).expect(200);
    expect(again.body.registration.id).toBe(first.body.registration.id);
    expect(again.body.appeal.id).toBe(first.body.appeal.id);

    const other = await devLogin(t, 'talk-entrepreneur-2', '李总');
    const unlisted = await register(other.auth, talk.id, { enterpriseName: '新创氢能科技', position: '总经理', phone: '13900000001', category: 'WORKING_CAPITAL', appeal: '流动资金紧张' }).expect(200);
    expect(unlisted.body.appeal).toMatchObject({ enterpriseId: null, enterpriseName: '新创氢能科技' });

    // Admin confirms seats through the engine: one seat, so the second goes to the waitlist.
    const activityId = talk.activity.id;
    const regs = (await t.http().get(`/api/activities/${activityId}/registrations`).set(admin).expect(200)).body as Array<{ id: string; userId: string }>;
    const approvals = [];
    for (const r of regs) approvals.push((await t.http().post(`/api/activities/${activityId}/registrations/${r.id}/approve`).set(admin).expect(200)).body.status);
    expect(approvals).toEqual(['CONFIRMED', 'WAITLISTED']);
    const detail = (await t.http().get(`/api/talks/${talk.id}`).set(other.auth).expect(200)).body as TalkDetail;
    expect(detail.activity.myRegistration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(detail.myAppeal?.content).toBe('流动资金紧张');
  });

  it('validates the registration', async () => {
    const talk = await createTalk(5);
    const base = { enterpriseId, position: '董事长', phone: '13800000006', category: 'PERMITS', appeal: '审批' };
    await register(entrepreneur, talk.id, { ...base, phone: '123' }).expect(400);
    await register(entrepreneur, talk.id, { ...base, category: 'MONEY' }).expect(400);
    await register(entrepreneur, talk.id, { ...base, appeal: '' }).expect(400);
    await register(entrepreneur, talk.id, { ...base, enterpriseId: null }).expect(400);
    await register(entrepreneur, talk.id, { ...base, enterpriseId: '999999' }).expect(400);
    await register(entrepreneur, '999999', base).expect(404);
    await t.http().post('/api/admin/talks').set(entrepreneur).send({}).expect(403);
    await t.http().post('/api/admin/talks').set(admin).send({ theme: '', capacity: 0 }).expect(400);
  });

  it('keeps appeals private: each person sees only their own; admins answer and publish minutes', async () => {
    const talk = await createTalk(10);
    const a = await devLogin(t, 'talk-owner-a', '甲');
    const b = await devLogin(t, 'talk-owner-b', '乙');
    await register(a.auth, talk.id, { enterpriseName: '甲公司', position: '经理', phone: '13700000001', category: 'TALENT', appeal: '甲的诉求' }).expect(200);
    await register(b.auth, talk.id, { enterpriseName: '乙公司', position: '经理', phone: '13700000002', category: 'TECHNOLOGY', appeal: '乙的诉求' }).expect(200);
    const mineA = (await allPages<AppealResponse>(t, '/api/me/appeals', a.auth));
    expect(mineA.map((x) => x.content)).toEqual(['甲的诉求']);
    const detailB = (await t.http().get(`/api/talks/${talk.id}`).set(b.auth).expect(200)).body as TalkDetail;
    expect(JSON.stringify(detailB)).not.toContain('甲的诉求');
    await t.http().get(`/api/admin/talks/${talk.id}/appeals`).set(a.auth).expect(403);

    const all = (await allPages<AdminAppealResponse>(t, `/api/admin/talks/${talk.id}/appeals`, admin));
    expect(all.map((x) => x.name).sort()).toEqual(['乙', '甲']);
    expect(all.every((x) => x.phone?.includes('****'))).toBe(true);
    const target = all.find((x) => x.name === '甲')!;
    await t.http().put(`/api/admin/appeals/${target.id}`).set(a.auth).send({ answer: 'x', status: 'ANSWERED' }).expect(403);
    const answered = await t.http().put(`/api/admin/appeals/${target.id}`).set(admin).send({ answer: '已协调人社局对接高校人才资源', status: 'FOLLOW_UP' }).expect(200);
    expect(answered.body).toMatchObject({ status: 'FOLLOW_UP', answer: '已协调人社局对接高校人才资源' });
    const mineAfter = (await allPages<AppealResponse>(t, '/api/me/appeals', a.auth));
    expect(mineAfter[0]).toMatchObject({ status: 'FOLLOW_UP', answer: '已协调人社局对接高校人才资源' });
    const inbox = await t.http().get('/api/me/notifications').set(a.auth).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'APPEAL_ANSWERED' });

    expect(((await t.http().get(`/api/talks/${talk.id}`).set(a.auth).expect(200)).body as TalkDetail).minutes).toBeNull();
    await t.http().post(`/api/admin/talks/${talk.id}/minutes`).set(admin).send({ minutes: '本期共收集诉求 2 项，现场答复 1 项。' }).expect(200);
    const withMinutes = (await t.http().get(`/api/talks/${talk.id}`).set(a.auth).expect(200)).body as TalkDetail;
    expect(withMinutes).toMatchObject({ minutes: '本期共收集诉求 2 项，现场答复 1 项。', minutesPublished: true });
    const raw: Array<{ answers: string }> = await t.dataSource.query('SELECT answers FROM registrations');
    expect(raw.map((r) => r.answers).join()).not.toContain('13700000001');
  });
});
