import type { ActivityDetailResponse, ActivityResponse, AppealResponse, DashboardResponse, NeedDetail, Page, TalkDetail, TalkSummary } from '@torch-red/shared';
import { ActivityEntity } from '../src/modules/activity/activity.entity';
import { RegistrationEntity } from '../src/modules/activity/registration.entity';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { createPerson, createWorld, type Auth, type World } from './factories/world.factory';
import { allPages } from './support/pages';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;

/** Issue 13's smaller flows on the server: activity visibility and order, and the states the screens show. */
describe.each(DATABASES)('ux flows on %s', (db) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const listIds = async (auth: Auth, query = ''): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.http().get(`/api/activities?limit=50${query}${cursor ? `&cursor=${cursor}` : ''}`).set(auth).expect(200);
      const page = res.body as Page<ActivityResponse>;
      ids.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  describe('activity visibility', () => {
    it('lists, opens and signs up ORG / CHAIN activities only for their audience', async () => {
      const { secretary, member, entrepreneur, stranger, committee, otherSecretary, admin } = world;
      const orgOnly = await publishedActivity(t, secretary.auth, activityBody(world.branch.id, { title: `${world.tag}支部学习会`, visibility: 'ORG', formFields: [] }));
      const chainWide = await publishedActivity(t, secretary.auth, activityBody(world.branch.id, { title: `${world.tag}链上交流`, visibility: 'CHAIN', formFields: [] }));
      const open = await publishedActivity(t, secretary.auth, activityBody(world.branch.id, { title: `${world.tag}公开讲座`, formFields: [] }));
      expect([orgOnly.visibility, chainWide.visibility, open.visibility]).toEqual(['ORG', 'CHAIN', 'PUBLIC']);
      // A 群众 entrepreneur of an enterprise on the same chain, in no Party organisation.
      const chainEntrepreneur = await createPerson(t, admin, world.tag, 'chain-entrepreneur', { name: `${world.tag}链上企业家`, enterpriseId: world.enterprise.id, politicalStatus: 'MASSES' });

      const sees = {
        member: [true, true, true],
        secretary: [true, true, true],
        committee: [true, true, true],
        admin: [true, true, true],
        chainEntrepreneur: [false, true, true],
        entrepreneur: [false, false, true],
        otherSecretary: [false, false, true],
        stranger: [false, false, true],
      };
      const auths: Record<keyof typeof sees, Auth> = {
        member: member.auth,
        secretary: secretary.auth,
        committee: committee.auth,
        admin,
        chainEntrepreneur: chainEntrepreneur.auth,
        entrepreneur: entrepreneur.auth,
        otherSecretary: otherSecretary.auth,
        stranger: stranger.auth,
      };
      const activities = [orgOnly, chainWide, open];
      for (const [who, expected] of Object.entries(sees) as Array<[keyof typeof sees, boolean[]]>) {
        const auth = auths[who];
        const listed = await listIds(auth);
        const inOrgFilter = await listIds(auth, `&orgId=${world.branch.id}`);
        for (const [i, activity] of activities.entries()) {
          expect({ who, activity: activity.title, listed: listed.includes(activity.id) }).toEqual({ who, activity: activity.title, listed: expected[i] });
          expect(inOrgFilter.includes(activity.id)).toBe(expected[i]);
          await t.http().get(`/api/activities/${activity.id}`).set(auth).expect(expected[i] ? 200 : 404);
        }
      }
      // Sign-up follows the same audience; the cheap 404 looks like a missing activity.
      expect((await t.http().post(`/api/activities/${orgOnly.id}/registrations`).set(entrepreneur.auth).send({ answers: {} }).expect(404)).body.code).toBe('NOT_FOUND');
      await t.http().post(`/api/activities/${orgOnly.id}/registrations`).set(chainEntrepreneur.auth).send({ answers: {} }).expect(404);
      await t.http().post(`/api/activities/${chainWide.id}/registrations`).set(stranger.auth).send({ answers: {} }).expect(404);
      await t.http().post(`/api/activities/${chainWide.id}/registrations`).set(chainEntrepreneur.auth).send({ answers: {} }).expect(201);
      await t.http().post(`/api/activities/${orgOnly.id}/registrations`).set(member.auth).send({ answers: {} }).expect(201);
      await t.http().post(`/api/activities/${open.id}/registrations`).set(stranger.auth).send({ answers: {} }).expect(201);

      // Narrowing an activity later keeps it open to the people who already registered.
      await t.http().patch(`/api/activities/${open.id}`).set(secretary.auth).send({ visibility: 'ORG' }).expect(200);
      const kept = (await t.http().get(`/api/activities/${open.id}`).set(stranger.auth).expect(200)).body as ActivityDetailResponse;
      expect(kept.myRegistration?.status).toBe('CONFIRMED');
      expect(await listIds(stranger.auth)).not.toContain(open.id);
      await t.http().get(`/api/activities/${open.id}`).set(entrepreneur.auth).expect(404);
      await t.http().patch(`/api/activities/${open.id}`).set(secretary.auth).send({ visibility: 'EVERYONE' }).expect(400);
    });
  });

  describe('calling an attendee', () => {
    it('reveals the full number to managers of the activity only, and audits each reveal', async () => {
      const { secretary, member, otherSecretary, admin } = world;
      const activity = await publishedActivity(t, secretary.auth, activityBody(world.branch.id, { title: `${world.tag}电话联系`, formFields: [] }));
      const reg = (await t.http().post(`/api/activities/${activity.id}/registrations`).set(member.auth).send({ answers: {} }).expect(201)).body as { id: string };
      const listed = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary.auth).expect(200)).body as Array<{ id: string; phone: string }>;
      expect(listed[0].phone).toContain('****');
      const path = `/api/activities/${activity.id}/registrations/${reg.id}/phone`;
      const revealed = await t.http().post(path).set(secretary.auth).expect(200);
      expect(revealed.body).toEqual({ registrationId: reg.id, name: member.name, phone: member.phone });
      await t.http().post(path).set(otherSecretary.auth).expect(404);
      await t.http().post(path).set(member.auth).expect(403);
      // A registration of another activity under this activity's id looks missing.
      const other = await publishedActivity(t, secretary.auth, activityBody(world.branch.id, { title: `${world.tag}另一活动`, formFields: [] }));
      await t.http().post(`/api/activities/${other.id}/registrations/${reg.id}/phone`).set(secretary.auth).expect(404);
      const audit = await t.http().get(`/api/admin/audit-logs?entityType=registration&entityId=${reg.id}`).set(admin).expect(200);
      const reveals = (audit.body.items as Array<{ action: string; actorId: string }>).filter((i) => i.action === 'activity.attendee.phone');
      expect(reveals).toHaveLength(1);
      expect(reveals[0].actorId).toBe(secretary.id);
    });
  });

  describe('月月谈: my registration and appeal', () => {
    it('shows 已提交 until the registration is accepted, then 待答复; cards carry my registration', async () => {
      const { admin, entrepreneur, stranger } = world;
      const departments = (await t.http().get('/api/departments').set(admin).expect(200)).body as Array<{ id: string }>;
      const start = Date.now() + 3 * DAY;
      const created = await t.http().post('/api/admin/talks').set(admin).send({
        theme: `${world.tag}要素保障`, description: '本期聚焦要素保障。', location: '党群服务中心',
        startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600e3).toISOString(), signupEndAt: new Date(start - DAY).toISOString(),
        capacity: 10, hostDepartmentIds: [departments[0].id],
      }).expect(201);
      const talkId = (created.body as TalkSummary).id;
      await t.http().post(`/api/admin/talks/${talkId}/publish`).set(admin).expect(200);
      const mineOnCard = async (auth: Auth) => (await allPages<TalkSummary>(t, '/api/talks', auth)).find((x) => x.id === talkId)!.myRegistrationStatus;
      expect(await mineOnCard(entrepreneur.auth)).toBeNull();

      const registered = await t.http().post(`/api/talks/${talkId}/registrations`).set(entrepreneur.auth)
        .send({ enterpriseName: `${world.tag}乙企业`, position: '总经理', phone: '13900000009', category: 'PERMITS', appeal: '希望加快环评手续' }).expect(200);
      expect(registered.body.appeal).toMatchObject({ status: 'RECEIVED', progress: 'SUBMITTED' });
      expect(await mineOnCard(entrepreneur.auth)).toBe('PENDING');
      expect(await mineOnCard(stranger.auth)).toBeNull();
      const detail = (await t.http().get(`/api/talks/${talkId}`).set(entrepreneur.auth).expect(200)).body as TalkDetail;
      expect(detail.myRegistrationStatus).toBe('PENDING');
      expect(detail.myAppeal!.progress).toBe('SUBMITTED');
      const before = (await t.http().get('/api/me/appeals').set(entrepreneur.auth).expect(200)).body.items as AppealResponse[];
      expect(before.find((a) => a.talkId === talkId)!.progress).toBe('SUBMITTED');

      const activityId = (created.body as TalkSummary).activity.id;
      await t.http().post(`/api/activities/${activityId}/registrations/${registered.body.registration.id}/approve`).set(admin).expect(200);
      expect(await mineOnCard(entrepreneur.auth)).toBe('CONFIRMED');
      const after = (await t.http().get('/api/me/appeals').set(entrepreneur.auth).expect(200)).body.items as AppealResponse[];
      expect(after.find((a) => a.talkId === talkId)!.progress).toBe('AWAITING_ANSWER');
      const answered = await t.http().put(`/api/admin/appeals/${registered.body.appeal.id}`).set(admin).send({ answer: '已协调生态环境局加快办理', status: 'ANSWERED' }).expect(200);
      expect(answered.body.progress).toBe('ANSWERED');
    });
  });

  describe('need dispatch note', () => {
    it('is read by the committee and the 承办部门, never by the enterprise', async () => {
      const { member, secretary, committee, handler, admin } = world;
      const need = (await t.http().post('/api/needs').set(member.auth).send({ category: 'PERMITS', urgency: 'NORMAL', title: `${world.tag}环评手续`, description: '环评批复迟迟未下。' }).expect(201)).body as NeedDetail;
      const note = '内部：请与生态环境局先行沟通；勿向企业承诺时限';
      await t.http().post(`/api/needs/${need.id}/dispatch`).set(committee.auth)
        .send({ assignments: [{ departmentId: world.department.id, deadline: new Date(Date.now() + 3 * DAY).toISOString() }], note }).expect(200);
      const dispatchNote = async (auth: Auth) => {
        const detail = (await t.http().get(`/api/needs/${need.id}`).set(auth).expect(200)).body as NeedDetail;
        return detail.timeline.find((e) => e.kind === 'DISPATCHED')!.note;
      };
      for (const insider of [committee.auth, handler.auth, admin]) expect(await dispatchNote(insider)).toContain(note);
      for (const outsider of [member.auth, secretary.auth]) {
        const seen = await dispatchNote(outsider);
        expect(seen).toMatch(/^办理期限：/);
        expect(seen).not.toContain('内部');
        expect(seen).not.toContain('承诺');
      }
    });
  });

  describe('数据看板', () => {
    it('counts exactly the rows a fresh chain has, and its figures nest (covered ≤ enterprises, held ≤ published)', async () => {
      const w = await createWorld(t);
      const { secretary, member } = w;
      const started = await publishedActivity(t, secretary.auth, activityBody(w.branch.id, { title: `${w.tag}进行中`, formFields: [] }));
      const upcoming = await publishedActivity(t, secretary.auth, activityBody(w.branch.id, { title: `${w.tag}未开始`, formFields: [] }));
      const cancelled = await publishedActivity(t, secretary.auth, activityBody(w.branch.id, { title: `${w.tag}已取消`, formFields: [] }));
      await t.http().post('/api/activities').set(secretary.auth).send(activityBody(w.branch.id, { title: `${w.tag}草稿`, formFields: [] })).expect(201);
      const regs: Record<string, string> = {};
      for (const a of [started, upcoming, cancelled]) regs[a.id] = (await t.http().post(`/api/activities/${a.id}/registrations`).set(member.auth).send({ answers: {} }).expect(201)).body.id;
      await t.http().post(`/api/activities/${upcoming.id}/registrations`).set(secretary.auth).send({ answers: {} }).expect(201);
      await t.http().post(`/api/activities/${cancelled.id}/cancel`).set(secretary.auth).send({ reason: '场地调整' }).expect(200);
      // One activity has started; at another someone is already checked in (counts it as held).
      await t.dataSource.getRepository(ActivityEntity).update({ id: Number(started.id) }, { startAt: new Date(Date.now() - 3600e3) });
      await t.dataSource.getRepository(RegistrationEntity).update({ id: Number(regs[upcoming.id]) }, { attendance: 'CHECKED_IN', checkedInAt: new Date() });

      const board = (await t.http().get('/api/dashboard').set(w.admin).expect(200)).body as DashboardResponse;
      const mine = board.chains.find((c) => c.chainId === w.chain.id)!.figures;
      expect(mine).toMatchObject({
        chainEnterprises: 1,
        enterprisesCovered: 1,
        orgs: 2,
        partyMembers: 2,
        activitiesPublished: 2,
        activitiesHeld: 2,
        registrations: 3,
        attendance: 1,
        needsRaised: 0,
      });
      // The committee of the chain sees the same figures as its total, and no one-item comparison is needed.
      const scoped = (await t.http().get('/api/dashboard').set(w.committee.auth).expect(200)).body as DashboardResponse;
      expect(scoped.chains).toHaveLength(1);
      expect(scoped.total).toEqual(scoped.chains[0].figures);
      // Every chain and the total nest, and the total's chain enterprises are the home page's (the chain map).
      for (const f of [board.total, ...board.chains.map((c) => c.figures)]) {
        expect(f.enterprisesCovered).toBeLessThanOrEqual(f.chainEnterprises);
        expect(f.activitiesHeld).toBeLessThanOrEqual(f.activitiesPublished);
        if (f.attendance > 0) expect(f.activitiesHeld).toBeGreaterThan(0);
        expect(f.leaderEnterprises + f.coreEnterprises + f.memberEnterprises).toBe(f.chainEnterprises);
      }
      const chainMap = (await t.http().get('/api/chains').set(w.member.auth).expect(200)).body as Array<{ enterprises: unknown[] }>;
      expect(board.total.chainEnterprises).toBe(chainMap.reduce((n, c) => n + c.enterprises.length, 0));
      expect(board.total.activitiesPublished).toBe(await t.dataSource.getRepository(ActivityEntity).countBy({ status: 'PUBLISHED' }));
    });
  });

  describe('即将开始', () => {
    it('sorts by start time, earliest first, across pages', async () => {
      const { committee } = world;
      const now = Date.now();
      const at = (days: number) => ({
        startAt: new Date(now + days * DAY).toISOString(),
        endAt: new Date(now + days * DAY + 2 * 3600e3).toISOString(),
        signupEndAt: new Date(now + days * DAY - 3600e3).toISOString(),
      });
      const made: ActivityResponse[] = [];
      for (const days of [4, 2, 6, 3, 5]) made.push(await publishedActivity(t, committee.auth, activityBody(world.sisterBranch.id, { title: `${world.tag}排序${days}`, formFields: [], ...at(days) })));
      const ids = await listIds(world.member.auth, `&orgId=${world.sisterBranch.id}&sort=START&from=${encodeURIComponent(new Date(now).toISOString())}`);
      const expected = [...made].sort((a, b) => a.startAt.localeCompare(b.startAt)).map((a) => a.id);
      expect(ids).toEqual(expected);
      const pageOfTwo = (await t.http().get(`/api/activities?limit=2&orgId=${world.sisterBranch.id}&sort=START`).set(world.admin).expect(200)).body as Page<ActivityResponse>;
      expect(pageOfTwo.items.map((a) => a.id)).toEqual(expected.slice(0, 2));
      const next = (await t.http().get(`/api/activities?limit=2&orgId=${world.sisterBranch.id}&sort=START&cursor=${pageOfTwo.nextCursor}`).set(world.admin).expect(200)).body as Page<ActivityResponse>;
      expect(next.items.map((a) => a.id)).toEqual(expected.slice(2, 4));
      await t.http().get('/api/activities?sort=NEWEST').set(world.admin).expect(400);
    });
  });
});
