import type {
  ActivityDetailResponse,
  AttendeeResponse,
  BrandWorkspaceResponse,
  CheckinCodeResponse,
  DepartmentAssignmentItem,
  MyRegistrationItem,
  MyRegistrationResponse,
  NeedActions,
  NeedDetail,
  NeedSummary,
  Page,
} from '@torch-red/shared';
import { Clock } from '../src/common/clock';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { adminLogin, devLogin } from './factories/auth.factory';
import { dispatch, raiseNeed } from './factories/need.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createDepartment, createPerson, createWorld } from './factories/world.factory';
import { allPages } from './support/pages';

type Auth = { Authorization: string };
const MINUTE = 60 * 1000;

const NEED_FLAGS: Array<keyof NeedActions> = ['canDispatch', 'canAnswer', 'canMerge', 'canRate', 'canReopen', 'canAccept', 'canReturn', 'canProgress', 'canResolve'];

/** The need flags that are on; every flag must be present and boolean. */
function needFlagsOn(n: NeedActions): string[] {
  for (const f of NEED_FLAGS) expect([f, typeof n[f]]).toEqual([f, 'boolean']);
  return NEED_FLAGS.filter((f) => n[f]);
}

/**
 * Responses carry what the caller may do next (canRate, canAccept, canCancel, canEdit, …), computed by the
 * shared state machines; each flag is checked against what the server then accepts or refuses.
 */
describe.each(DATABASES)('what the caller may do next, on %s', (db) => {
  let t: TestApp;
  let admin: Auth;

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => t.app.get(Clock).reset());

  const grant = async (userId: string, body: Record<string, string>) => t.http().post(`/api/admin/users/${userId}/roles`).set(admin).send(body).expect(201);

  it('needs: the committee may dispatch, answer and merge; the department accept, return, progress and resolve; the raiser rate and reopen', async () => {
    // A world of its own: the entrepreneur raises for their enterprise on the other chain; that chain's committee
    // staff dispatch to two departments; the secretary of the enterprise's branch only reads.
    const world = await createWorld(t);
    const raiser = world.entrepreneur.auth;
    const secretary = world.otherSecretary.auth;
    const econ = world.handler.auth;
    const committee = (await createPerson(t, admin, world.tag, 'flags-committee', { name: `${world.tag}干事`, roles: [{ role: 'COMMITTEE', orgId: world.otherCommitteeOrg.id }] })).auth;
    const financeDept = await createDepartment(t, admin, `${world.tag}金融办`);
    const finance = (await createPerson(t, admin, world.tag, 'flags-finance', { name: `${world.tag}金融办`, roles: [{ role: 'DEPARTMENT', departmentId: financeDept.id }] })).auth;
    const dept = { econ: world.department.id, finance: financeDept.id };
    const detail = async (auth: Auth, id: string) => (await t.http().get(`/api/needs/${id}`).set(auth).expect(200)).body as NeedDetail;
    const act = (auth: Auth, id: string, path: string, body: object = {}) => t.http().post(`/api/needs/${id}/${path}`).set(auth).send(body);

    const need = await raiseNeed(t, raiser, { title: '操作标记测试' });
    expect(needFlagsOn(need)).toEqual([]);
    const ledger = (await allPages<NeedSummary>(t, '/api/committee/needs', committee));
    expect(needFlagsOn(ledger.find((n) => n.id === need.id)!)).toEqual(['canDispatch', 'canAnswer', 'canMerge']);
    expect(needFlagsOn(await detail(admin, need.id))).toEqual(['canDispatch', 'canAnswer', 'canMerge']);
    expect(needFlagsOn(await detail(secretary, need.id))).toEqual([]);

    const dispatched = await dispatch(t, committee, need.id, [dept.econ, dept.finance]);
    expect(needFlagsOn(dispatched)).toEqual(['canDispatch', 'canMerge']);
    await act(committee, need.id, 'answer', { answer: '派单后不能直接答复' }).expect(409);
    const [econA, finA] = dispatched.assignments;
    const econView = await detail(econ, need.id);
    expect(needFlagsOn(econView)).toEqual(['canAccept', 'canReturn']);
    expect(econView.assignments.map((a) => [a.id, a.canAccept, a.canReturn, a.canProgress, a.canResolve])).toEqual([
      [econA.id, true, true, false, false],
      [finA.id, false, false, false, false],
    ]);
    const inbox = (await allPages<DepartmentAssignmentItem>(t, '/api/department/assignments', econ));
    const item = inbox.find((x) => x.need.id === need.id)!;
    expect(item.assignment).toMatchObject({ id: econA.id, canAccept: true, canReturn: true, canProgress: false, canResolve: false });
    expect(needFlagsOn(item.need)).toEqual(['canAccept', 'canReturn']);
    expect(needFlagsOn(await detail(raiser, need.id))).toEqual([]);

    const accepted = (await act(econ, need.id, `assignments/${econA.id}/accept`).expect(200)).body as NeedDetail;
    expect(needFlagsOn(accepted)).toEqual(['canReturn', 'canProgress', 'canResolve']);
    expect(needFlagsOn(await detail(committee, need.id))).toEqual(['canDispatch']);
    expect((await act(committee, need.id, 'merge', { targetNeedId: need.id }).expect(409)).body.code).toBe('NEED_STATE_INVALID');

    const returned = (await act(finance, need.id, `assignments/${finA.id}/return`, { note: '不属于本部门' }).expect(200)).body as NeedDetail;
    expect(needFlagsOn(returned)).toEqual([]);
    await act(finance, need.id, `assignments/${finA.id}/accept`).expect(409);

    const resolved = (await act(econ, need.id, `assignments/${econA.id}/resolve`, { answer: '已协调' }).expect(200)).body as NeedDetail;
    expect(resolved.status).toBe('RESOLVED');
    expect(needFlagsOn(resolved)).toEqual([]);
    expect(needFlagsOn(await detail(raiser, need.id))).toEqual(['canRate', 'canReopen']);
    const mine = (await allPages<NeedSummary>(t, '/api/me/needs', raiser));
    expect(needFlagsOn(mine.find((n) => n.id === need.id)!)).toEqual(['canRate', 'canReopen']);
    expect(needFlagsOn(await detail(secretary, need.id))).toEqual([]);
    await act(secretary, need.id, 'rate', { rating: 5 }).expect(403);
    expect(needFlagsOn(await detail(committee, need.id))).toEqual([]);

    const rated = (await act(raiser, need.id, 'rate', { rating: 5 }).expect(200)).body as NeedDetail;
    expect(rated.status).toBe('CLOSED');
    expect(needFlagsOn(rated)).toEqual([]);
    await act(raiser, need.id, 'reopen', { note: '已评价后不能重开' }).expect(409);
  });

  it('registrations: the member may cancel until the deadline, ask for leave, check in in the window; the manager approve, reject, record attendance', async () => {
    const world = await createWorld(t);
    const orgId = world.branch.id;
    const secretary = world.secretary.auth;
    const a = (await devLogin(t, 'flags-member-a', '甲')).auth;
    const b = (await devLogin(t, 'flags-member-b', '乙')).auth;
    const c = (await devLogin(t, 'flags-member-c', '丙')).auth;
    const flags = (r: MyRegistrationResponse) => ({ canCancel: r.canCancel, canLeave: r.canLeave, canCheckIn: r.canCheckIn });

    // Starts in 30 minutes: check-in is open, cancelling too (until the start).
    const start = Date.now() + 30 * MINUTE;
    const activity = await publishedActivity(t, secretary, activityBody(orgId, {
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 120 * MINUTE).toISOString(),
      signupEndAt: new Date(start - 10 * MINUTE).toISOString(),
      capacity: 1,
      formFields: [],
    }));
    const register = async (auth: Auth) => (await t.http().post(`/api/activities/${activity.id}/registrations`).set(auth).send({ answers: {} }).expect(201)).body as MyRegistrationResponse;
    const mineIn = async (auth: Auth) => ((await t.http().get(`/api/activities/${activity.id}`).set(auth).expect(200)).body as ActivityDetailResponse).myRegistration;

    const ra = await register(a);
    expect(ra.status).toBe('CONFIRMED');
    expect(flags(ra)).toEqual({ canCancel: true, canLeave: true, canCheckIn: true });
    const rb = await register(b);
    expect(rb.status).toBe('WAITLISTED');
    expect(flags(rb)).toEqual({ canCancel: true, canLeave: false, canCheckIn: false });
    expect(flags((await mineIn(a))!)).toEqual({ canCancel: true, canLeave: true, canCheckIn: true });
    expect(await mineIn(c)).toBeNull();
    await t.http().post(`/api/activities/${activity.id}/registrations/me/leave`).set(b).send({ reason: '出差' }).expect(409);

    const attendees = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
    const manage = (id: string) => {
      const row = attendees.find((x) => x.id === id)!;
      return { canApprove: row.canApprove, canReject: row.canReject, canMarkAttendance: row.canMarkAttendance };
    };
    expect(manage(ra.id)).toEqual({ canApprove: false, canReject: false, canMarkAttendance: true });
    expect(manage(rb.id)).toEqual({ canApprove: false, canReject: true, canMarkAttendance: false });
    await t.http().post(`/api/activities/${activity.id}/registrations/${ra.id}/reject`).set(secretary).send({}).expect(409);

    const code = (await t.http().get(`/api/activities/${activity.id}/checkin-code`).set(secretary).expect(200)).body as CheckinCodeResponse;
    const checkedIn = (await t.http().post(`/api/activities/${activity.id}/checkin`).set(a).send({ code: code.token }).expect(200)).body as MyRegistrationResponse;
    expect(flags(checkedIn)).toEqual({ canCancel: true, canLeave: false, canCheckIn: false });
    await t.http().post(`/api/activities/${activity.id}/registrations/me/leave`).set(a).send({ reason: '临时有事' }).expect(409);
    const listed = (await t.http().get('/api/me/registrations').set(a).expect(200)).body as Page<MyRegistrationItem>;
    expect(flags(listed.items.find((i) => i.activity.id === activity.id)!.registration)).toEqual({ canCancel: true, canLeave: false, canCheckIn: false });

    // Past the start, which is the cancel deadline here: nobody may cancel any more.
    t.app.get(Clock).travel(31 * MINUTE);
    expect(flags((await mineIn(a))!)).toEqual({ canCancel: false, canLeave: false, canCheckIn: false });
    expect(flags((await mineIn(b))!)).toEqual({ canCancel: false, canLeave: false, canCheckIn: false });
    expect((await t.http().delete(`/api/activities/${activity.id}/registrations/me`).set(b).expect(409)).body.code).toBe('CANCEL_DEADLINE_PASSED');
    t.app.get(Clock).reset();

    const review = await publishedActivity(t, secretary, activityBody(orgId, { requiresApproval: true, formFields: [] }));
    const rc = (await t.http().post(`/api/activities/${review.id}/registrations`).set(c).send({ answers: {} }).expect(201)).body as MyRegistrationResponse;
    expect(rc.status).toBe('PENDING');
    expect(flags(rc)).toEqual({ canCancel: true, canLeave: false, canCheckIn: false });
    const pending = ((await t.http().get(`/api/activities/${review.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[]).find((x) => x.id === rc.id)!;
    expect(pending).toMatchObject({ canApprove: true, canReject: true, canMarkAttendance: false });
    const approved = (await t.http().post(`/api/activities/${review.id}/registrations/${rc.id}/approve`).set(secretary).expect(200)).body as AttendeeResponse;
    expect(approved).toMatchObject({ status: 'CONFIRMED', canApprove: false, canReject: false, canMarkAttendance: true });
  });

  it('brands: the organisation may edit except during review, and submit a draft or a returned brand', async () => {
    const world = await createWorld(t);
    const orgId = world.sisterBranch.id;
    const person = await devLogin(t, 'flags-brand-secretary', '品牌书记');
    await grant(person.user.id, { role: 'SECRETARY', orgId });
    const secretary = person.auth;
    const committee = world.committee.auth;
    const flags = (b: BrandWorkspaceResponse) => ({ status: b.status, canEdit: b.canEdit, canSubmit: b.canSubmit });
    const content = { name: '标记测试品牌', slogan: '先锋引领', story: [{ type: 'paragraph', text: '支部介绍' }], coverImageId: null, galleryImageIds: [], honours: [] };
    const brandPath = `/api/workspace/orgs/${orgId}/brand`;

    expect((await t.http().get(brandPath).set(secretary).expect(200)).body).toBeNull();
    const draft = (await t.http().put(brandPath).set(secretary).send(content).expect(200)).body as BrandWorkspaceResponse;
    expect(flags(draft)).toEqual({ status: 'DRAFT', canEdit: true, canSubmit: true });
    const submitted = (await t.http().post(`${brandPath}/submit`).set(secretary).expect(200)).body as BrandWorkspaceResponse;
    expect(flags(submitted)).toEqual({ status: 'SUBMITTED', canEdit: false, canSubmit: false });
    await t.http().put(brandPath).set(secretary).send(content).expect(409);
    const queue = (await allPages<BrandWorkspaceResponse>(t, '/api/review/brands', committee));
    expect(flags(queue.find((b) => b.id === draft.id)!)).toEqual({ status: 'SUBMITTED', canEdit: false, canSubmit: false });

    const returned = (await t.http().post(`/api/review/brands/${draft.id}/return`).set(committee).send({ reason: '请补充' }).expect(200)).body as BrandWorkspaceResponse;
    expect(flags(returned)).toEqual({ status: 'RETURNED', canEdit: true, canSubmit: true });
    await t.http().post(`${brandPath}/submit`).set(secretary).expect(200);
    const approved = (await t.http().post(`/api/review/brands/${draft.id}/approve`).set(committee).expect(200)).body as BrandWorkspaceResponse;
    expect(flags(approved)).toEqual({ status: 'APPROVED', canEdit: true, canSubmit: false });
    await t.http().post(`${brandPath}/submit`).set(secretary).expect(409);
  });
});
