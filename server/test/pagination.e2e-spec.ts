import type {
  AdminAppealResponse,
  AppealResponse,
  BrandWorkspaceResponse,
  ComplianceResponse,
  DepartmentAssignmentItem,
  MeetingDetail,
  MeetingSummary,
  MyMeetingItem,
  NeedSummary,
  Page,
  TalkSummary,
  VisitResponse,
} from '@torch-red/shared';
import { LIMITS } from '@torch-red/shared';
import { In } from 'typeorm';
import { AccessPolicy } from '../src/modules/access/access-policy.service';
import { BrandEntity } from '../src/modules/brand/brand.entity';
import { adminLogin } from './factories/auth.factory';
import { dispatch, raiseNeed } from './factories/need.factory';
import { chainWorld, person, type ChainWorld, type Person } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;

/**
 * Every list that grows is read a page at a time (`?limit=&cursor=` → `{ items, nextCursor }`). Each list is
 * walked page by page with several page sizes, over data this suite creates (with ties of the sort key), and
 * must show exactly the rows of one large page, in the same order: no duplicates, no gaps.
 */
describe.each(DATABASES)('paginated lists (%s)', (kind) => {
  let t: TestApp;
  let admin: Auth;
  let world: ChainWorld;
  let raiser: Person;
  let committee: Person;
  let handler: Person;
  let instructor: Person;
  let secretary: Person;
  let talker: Person;
  const needIds: string[] = [];
  const dispatchedIds: string[] = [];
  const visitIds: string[] = [];
  const talkIds: string[] = [];
  const myAppealIds: string[] = [];
  const sessionAppealIds: string[] = [];
  const brandIds: string[] = [];

  const page = async <T>(path: string, auth: Auth, query: string): Promise<Page<T>> =>
    (await t.http().get(`${path}${path.includes('?') ? '&' : '?'}${query}`).set(auth).expect(200)).body as Page<T>;

  /** All pages of `limit`, checked page by page; returns the ids in the order shown. */
  async function walk<T>(path: string, auth: Auth, limit: number, idOf: (item: T) => string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 500; n++) {
      const p: Page<T> = await page<T>(path, auth, `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      if (p.nextCursor !== null) expect(p.items).toHaveLength(limit);
      seen.push(...p.items.map(idOf));
      if (p.nextCursor === null) return seen;
      expect(typeof p.nextCursor).toBe('string');
      cursor = p.nextCursor;
    }
    throw new Error(`${path} did not end`);
  }

  /** Walks with page sizes 1, 2 and 7: each shows what one page of LIMITS.pageSizeMax shows, once each. */
  async function expectWalks<T>(path: string, auth: Auth, idOf: (item: T) => string): Promise<T[]> {
    const whole = await page<T>(path, auth, `limit=${LIMITS.pageSizeMax}`);
    expect(whole.nextCursor).toBeNull(); // the suite keeps every list under one large page
    const ids = whole.items.map(idOf);
    expect(new Set(ids).size).toBe(ids.length);
    for (const limit of [1, 2, 7]) {
      expect(await walk(path, auth, limit, idOf)).toEqual(ids);
    }
    return whole.items;
  }

  const byId = (x: { id: string }) => x.id;
  const desc = (a: string, b: string) => Number(b) - Number(a);
  const asc = (a: string, b: string) => Number(a) - Number(b);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await adminLogin(t);
    world = await chainWorld(t, admin, `分页${kind}`, 5);
    raiser = await person(t, admin, `page-raiser-${kind}`, [], { orgId: world.partyOrg.id, enterpriseId: world.enterprise.id });
    committee = await person(t, admin, `page-committee-${kind}`, [{ role: 'COMMITTEE', orgId: world.committee.id }]);
    handler = await person(t, admin, `page-handler-${kind}`, [{ role: 'DEPARTMENT', departmentId: world.department.id }]);
    instructor = await person(t, admin, `page-instructor-${kind}`, [{ role: 'INSTRUCTOR' }]);
    secretary = await person(t, admin, `page-secretary-${kind}`, world.branches.map((b) => ({ role: 'SECRETARY' as const, orgId: b.id })));
    talker = await person(t, admin, `page-talker-${kind}`);

    // 23 needs: more than a default page; 7 of them dispatched to the department.
    for (let i = 0; i < 23; i++) needIds.push((await raiseNeed(t, raiser.auth, { title: `分页需求 ${i + 1}` })).id);
    for (const id of needIds.slice(3, 10)) {
      await dispatch(t, committee.auth, id, [world.department.id]);
      dispatchedIds.push(id);
    }

    // Visits: three on one day, two on the next, two the day before (ties of the sort key).
    await t.http().put(`/api/admin/instructors/${instructor.id}/enterprises`).set(admin).send({ enterpriseIds: [world.enterprise.id] }).expect(200);
    for (const visitedOn of ['2026-11-20', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-21', '2026-11-20', '2026-11-19']) {
      const visit = await t.http().post('/api/visits').set(instructor.auth).send({ enterpriseId: world.enterprise.id, visitedOn, peopleMet: '厂长', discussed: '生产经营', problems: [] }).expect(201);
      visitIds.push((visit.body as VisitResponse).id);
    }

    // Talks: five start at the same minute, two a week later.
    const start = Date.now() + 72 * HOUR;
    for (const at of [start, start, start + 168 * HOUR, start, start, start + 168 * HOUR, start]) {
      const created = await t.http()
        .post('/api/admin/talks')
        .set(admin)
        .send({
          theme: `分页月月谈 ${talkIds.length + 1}`,
          description: '分页测试',
          location: '党群服务中心',
          startAt: new Date(at).toISOString(),
          endAt: new Date(at + 2 * HOUR).toISOString(),
          signupEndAt: new Date(at - 24 * HOUR).toISOString(),
          capacity: 20,
          hostDepartmentIds: [world.department.id],
        })
        .expect(201);
      await t.http().post(`/api/admin/talks/${created.body.id}/publish`).set(admin).expect(200);
      talkIds.push((created.body as TalkSummary).id);
    }
    const appeal = (i: number) => ({ enterpriseName: `分页公司${i}`, position: '经理', phone: '13700000001', category: 'TALENT', appeal: `分页诉求 ${i}` });
    for (const [i, talkId] of talkIds.slice(0, 4).entries()) {
      const res = await t.http().post(`/api/talks/${talkId}/registrations`).set(talker.auth).send(appeal(i)).expect(200);
      myAppealIds.push(res.body.appeal.id as string);
    }
    for (let i = 0; i < 5; i++) {
      const someone = await person(t, admin, `page-appellant-${kind}-${i}`);
      const res = await t.http().post(`/api/talks/${talkIds[0]}/registrations`).set(someone.auth).send(appeal(10 + i)).expect(200);
      sessionAppealIds.push(res.body.appeal.id as string);
    }

    // Five brands submitted for review; three of them at the same moment.
    for (const branch of world.branches) {
      const saved = await t.http()
        .put(`/api/workspace/orgs/${branch.id}/brand`)
        .set(secretary.auth)
        .send({ name: `${branch.name}品牌`, slogan: '分页', story: [{ type: 'paragraph', text: '支部介绍' }], coverImageId: null, galleryImageIds: [], honours: [] })
        .expect(200);
      await t.http().post(`/api/workspace/orgs/${branch.id}/brand/submit`).set(secretary.auth).expect(200);
      brandIds.push((saved.body as BrandWorkspaceResponse).id);
    }
    await t.dataSource.getRepository(BrandEntity).update({ id: In([brandIds[1], brandIds[2], brandIds[4]].map(Number)) }, { submittedAt: new Date(Date.now() - HOUR) });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('my needs: every need once, newest first; a default page of 20', async () => {
    const items = await expectWalks<NeedSummary>('/api/me/needs', raiser.auth, byId);
    expect(items.map(byId)).toEqual([...needIds].sort(desc));
    const first = await page<NeedSummary>('/api/me/needs', raiser.auth, '');
    expect(first.items).toHaveLength(LIMITS.pageSizeDefault);
    expect(first.nextCursor).not.toBeNull();
  });

  it('the committee ledger keeps its filters on every page', async () => {
    const all = await expectWalks<NeedSummary>('/api/committee/needs', committee.auth, byId);
    expect(all.map(byId)).toEqual([...needIds].sort(desc));
    const dispatched = await expectWalks<NeedSummary>(`/api/committee/needs?status=DISPATCHED&chainId=${world.chain.id}`, committee.auth, byId);
    expect(dispatched.map(byId)).toEqual([...dispatchedIds].sort(desc));
    const byDepartment = await expectWalks<NeedSummary>(`/api/committee/needs?departmentId=${world.department.id}`, committee.auth, byId);
    expect(byDepartment.map(byId)).toEqual([...dispatchedIds].sort(desc));
    const waiting = await expectWalks<NeedSummary>('/api/committee/needs?status=SUBMITTED', committee.auth, byId);
    expect(waiting.map(byId)).toEqual(needIds.filter((id) => !dispatchedIds.includes(id)).sort(desc));
  });

  it("a department's assignments, newest first", async () => {
    const items = await expectWalks<DepartmentAssignmentItem>('/api/department/assignments', handler.auth, (x) => x.assignment.id);
    expect(items.map((x) => x.need.id)).toEqual([...dispatchedIds].sort(desc));
    expect(items.map((x) => x.assignment.id)).toEqual(items.map((x) => x.assignment.id).sort(desc));
  });

  it("an instructor's visits: the latest day first, visits of one day by id", async () => {
    const items = await expectWalks<VisitResponse>('/api/visits', instructor.auth, byId);
    expect(new Set(items.map(byId))).toEqual(new Set(visitIds));
    const sorted = [...items].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || desc(a.id, b.id));
    expect(items.map(byId)).toEqual(sorted.map(byId));
    expect((await expectWalks<VisitResponse>(`/api/visits?enterpriseId=${world.enterprise.id}`, admin, byId)).map(byId)).toEqual(items.map(byId));
  });

  it('talks: the latest start first, sessions starting together by id; the admin list newest first', async () => {
    const items = await expectWalks<TalkSummary>('/api/talks', talker.auth, byId);
    expect(items.map(byId)).toEqual(expect.arrayContaining(talkIds));
    const sorted = [...items].sort((a, b) => Date.parse(b.activity.startAt) - Date.parse(a.activity.startAt) || desc(a.id, b.id));
    expect(items.map(byId)).toEqual(sorted.map(byId));
    const admins = await expectWalks<TalkSummary>('/api/admin/talks', admin, byId);
    expect(admins.map(byId)).toEqual(admins.map(byId).sort(desc));
    expect(admins.map(byId)).toEqual(expect.arrayContaining(talkIds));
  });

  it("my appeals newest first, and a session's appeals in the order they came", async () => {
    const mine = await expectWalks<AppealResponse>('/api/me/appeals', talker.auth, byId);
    expect(mine.map(byId)).toEqual([...myAppealIds].sort(desc));
    const session = await expectWalks<AdminAppealResponse>(`/api/admin/talks/${talkIds[0]}/appeals`, admin, byId);
    expect(session.map(byId)).toEqual([myAppealIds[0], ...sessionAppealIds].sort(asc));
  });

  it('the brand review queue: the longest waiting first, ties by id, only brands the reviewer may review', async () => {
    const items = await expectWalks<BrandWorkspaceResponse>('/api/review/brands', committee.auth, byId);
    expect(items.map(byId)).toEqual([brandIds[1], brandIds[2], brandIds[4], brandIds[0], brandIds[3]]);
    const everything = await expectWalks<BrandWorkspaceResponse>('/api/review/brands?status=SUBMITTED', admin, byId);
    expect(everything.map(byId)).toEqual(expect.arrayContaining(brandIds));
    const sorted = [...everything].sort((a, b) => Date.parse(a.submittedAt!) - Date.parse(b.submittedAt!) || asc(a.id, b.id));
    expect(everything.map(byId)).toEqual(sorted.map(byId));

    // One batched access check per page, however many brands wait (not one per brand).
    const allowed = jest.spyOn(t.app.get(AccessPolicy), 'allowed');
    try {
      await page<BrandWorkspaceResponse>('/api/review/brands', committee.auth, `limit=${LIMITS.pageSizeMax}`);
      expect(allowed.mock.calls.filter(([, permission]) => permission === 'brand.review')).toHaveLength(1);
    } finally {
      allowed.mockRestore();
    }
  });

  it('组织生活: an organisation’s records and 我的组织生活 by start time (ties by id), the compliance table overdue first', async () => {
    const starts = ['2026-03-10T09:00:00+08:00', '2026-03-10T09:00:00+08:00', '2026-03-10T09:00:00+08:00', '2026-04-01T09:00:00+08:00', '2026-02-01T09:00:00+08:00'];
    const recorded: string[] = [];
    for (const [i, startsAt] of [...starts, ...starts].entries()) {
      const body = { kind: 'THEME_DAY', startsAt, topic: `分页会议 ${i + 1}` };
      const draft = (await t.http().post(`/api/workspace/orgs/${world.partyOrg.id}/meetings`).set(admin).send(body).expect(201)).body as MeetingDetail;
      await t.http().put(`/api/workspace/meetings/${draft.id}/attendees`).set(admin).send({ attendees: [{ userId: raiser.id, status: 'PRESENT' }] }).expect(200);
      await t.http().post(`/api/workspace/meetings/${draft.id}/archive`).set(admin).expect(200);
      recorded.push(draft.id);
    }
    const listed = await expectWalks<MeetingSummary>(`/api/workspace/orgs/${world.partyOrg.id}/meetings`, admin, byId);
    expect(listed.map((m) => m.id).sort(asc)).toEqual([...recorded].sort(asc));
    expect(listed.map((m) => m.startsAt)).toEqual(listed.map((m) => m.startsAt).sort().reverse());
    const mine = await expectWalks<MyMeetingItem>('/api/me/meetings', raiser.auth, byId);
    expect(mine.map((m) => m.id)).toEqual(listed.map((m) => m.id));
    const table = (await t.http().get(`/api/committee/meeting-compliance?period=2026-Q1&chainId=${world.chain.id}&limit=${LIMITS.pageSizeMax}`).set(committee.auth).expect(200)).body as ComplianceResponse;
    expect(table.rows.nextCursor).toBeNull();
    expect(table.rows.items).toHaveLength(world.branches.length * 6);
    for (const limit of [1, 2, 7]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: ComplianceResponse = (await t.http().get(`/api/committee/meeting-compliance?period=2026-Q1&chainId=${world.chain.id}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).set(committee.auth).expect(200)).body;
        seen.push(...p.rows.items.map((r) => `${r.orgId}:${r.kind}`));
        cursor = p.rows.nextCursor;
      } while (cursor);
      expect(seen).toEqual(table.rows.items.map((r) => `${r.orgId}:${r.kind}`));
    }
  });

  const lists = (): Array<[string, Auth]> => [
    ['/api/me/needs', raiser.auth],
    ['/api/committee/needs?status=SUBMITTED', committee.auth],
    ['/api/department/assignments', handler.auth],
    ['/api/visits', instructor.auth],
    ['/api/talks', talker.auth],
    ['/api/admin/talks', admin],
    ['/api/me/appeals', talker.auth],
    [`/api/admin/talks/${talkIds[0]}/appeals`, admin],
    ['/api/review/brands', committee.auth],
    ['/api/me/meetings', raiser.auth],
    [`/api/workspace/orgs/${world.partyOrg.id}/meetings`, admin],
    ['/api/committee/meeting-compliance?period=2026-Q1', committee.auth],
  ];

  it('refuses a page size out of bounds and a cursor it did not make, with VALIDATION_FAILED', async () => {
    const talksCursor = (await page<TalkSummary>('/api/talks', talker.auth, 'limit=1')).nextCursor!;
    const needsCursor = (await page<NeedSummary>('/api/me/needs', raiser.auth, 'limit=1')).nextCursor!;
    for (const [path, auth] of lists()) {
      const sep = path.includes('?') ? '&' : '?';
      for (const query of ['limit=0', `limit=${LIMITS.pageSizeMax + 1}`, 'limit=abc', 'cursor=%21%21', 'cursor=Zm9v', `cursor=${'A'.repeat(201)}`, 'cursor=WyJ4Il0']) {
        const res = await t.http().get(`${path}${sep}${query}`).set(auth).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      }
      // A cursor of a list with another sort key (a session's start vs an id) is refused, not misread.
      const foreign = /\/api\/(talks|visits|review|me\/meetings|workspace)/.test(path) ? needsCursor : talksCursor;
      expect((await t.http().get(`${path}${sep}cursor=${foreign}`).set(auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
      await t.http().get(`${path}${sep}limit=${LIMITS.pageSizeMax}`).set(auth).expect(200);
    }
  });
});
