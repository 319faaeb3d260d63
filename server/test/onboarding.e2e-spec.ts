import type {
  BindingCandidate,
  BindingCodeResponse,
  BindingResult,
  BindingStatusResponse,
  JoinCodeResponse,
  JoinRequestResponse,
  NotificationResponse,
  Page,
  RepresentationRequestResponse,
  UserResponse,
} from '@torch-red/shared';
import { Clock } from '../src/common/clock';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { NotificationService } from '../src/modules/notification/notification.service';
import { USER_REFERENCES } from '../src/modules/user/onboarding/roster-attach.service';
import { RoleGrantEntity } from '../src/modules/user/role-grant.entity';
import { UserEntity } from '../src/modules/user/user.entity';
import { InstructorEnterpriseEntity } from '../src/modules/visit/visit.entity';
import { adminLogin, devLogin } from './factories/auth.factory';
import { createWorld, type World } from './factories/world.factory';
import { FakeWechatServer } from './support/fake-wechat';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;

describe.each(DATABASES)('onboarding (binding, join requests, representation) on %s', (db) => {
  let t: TestApp;
  const wechat = new FakeWechatServer();
  let admin: Auth;
  // A world of its own (createWorld): `branch` of `enterprise` on one chain, `otherBranch` of `otherEnterprise` on another.
  let world: World;
  let secretary: Auth; // SECRETARY of world.branch
  let otherSecretary: Auth; // SECRETARY of world.otherBranch (another chain)
  let committee: Auth; // COMMITTEE staff above world.branch (its chain)
  let phoneSeq = 0;

  const nextPhone = () => `1390000${String(++phoneSeq).padStart(4, '0')}`;
  const rosterPerson = async (name: string, orgId: string, extra: Record<string, unknown> = {}): Promise<UserResponse> =>
    (await t.http().post('/api/admin/users').set(admin).send({ name, orgId, ...extra }).expect(201)).body as UserResponse;
  const newcomer = async (openid: string) => (await devLogin(t, openid)).auth;
  const inbox = async (auth: Auth) => ((await t.http().get('/api/me/notifications?limit=50').set(auth).expect(200)).body as Page<NotificationResponse>).items;
  const status = async (auth: Auth) => (await t.http().get('/api/me/binding').set(auth).expect(200)).body as BindingStatusResponse;
  const issue = async (auth: Auth, userId: string) => (await t.http().post(`/api/workspace/roster/${userId}/binding-code`).set(auth).expect(201)).body as BindingCodeResponse;
  const user = (id: string | number) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: Number(id) });

  beforeAll(async () => {
    const base = await wechat.start();
    t = await startTestApp(db, { WECHAT_API_BASE: base, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret });
    admin = await adminLogin(t);
    world = await createWorld(t);
    secretary = world.secretary.auth;
    otherSecretary = world.otherSecretary.auth;
    committee = world.committee.auth;
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });
  afterEach(() => t.app.get(Clock).reset());

  it('knows every foreign key to users.id (the attach check reads them all)', async () => {
    const q = (name: string) => t.dataSource.driver.escape(name);
    const referencing: string[] = [];
    if (db === 'mysql') {
      const rows = (await t.dataSource.query(
        "SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = 'users'",
      )) as Array<{ t: string; c: string }>;
      referencing.push(...rows.map((r) => `${r.t}.${r.c}`));
    } else {
      const tables = (await t.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'")) as Array<{ name: string }>;
      for (const { name } of tables) {
        const fks = (await t.dataSource.query(`SELECT "from" AS c, "table" AS ref FROM pragma_foreign_key_list(${q(name).replace(/"/g, "'")})`)) as Array<{ c: string; ref: string }>;
        referencing.push(...fks.filter((f) => f.ref === 'users').map((f) => `${name}.${f.c}`));
      }
    }
    expect(referencing.length).toBeGreaterThan(20);
    const known = new Set(USER_REFERENCES.map((r) => `${r.table}.${r.column}`));
    expect([...new Set(referencing)].filter((ref) => !known.has(ref))).toEqual([]);
    // The list also names references without a foreign key (the study tallies); each must be a real column.
    for (const ref of USER_REFERENCES) await t.dataSource.query(`SELECT ${q(ref.column)} FROM ${q(ref.table)} LIMIT 1`);
  });

  describe('phone binding with WeChat', () => {
    it('attaches the roster person with that phone: org, enterprise, status, roles, instructor links; the roster row is retired', async () => {
      const phone = nextPhone();
      const roster = await rosterPerson('赵大海', world.branch.id, { phone, enterpriseId: world.enterprise.id, politicalStatus: 'PROBATIONARY_MEMBER' });
      await t.http().post(`/api/admin/users/${roster.id}/roles`).set(admin).send({ role: 'INSTRUCTOR' }).expect(201);
      await t.http().put(`/api/admin/instructors/${roster.id}/enterprises`).set(admin).send({ enterpriseIds: [world.enterprise.id] }).expect(200);
      const me = await devLogin(t, 'bind-phone-match');

      const res = await t.http().post('/api/me/binding/phone').set(me.auth).send({ code: `phone-${phone}` }).expect(200);
      const body = res.body as BindingResult;
      expect(body.outcome).toBe('ATTACHED');
      expect(body.me).toMatchObject({ name: '赵大海', orgId: world.branch.id, enterpriseId: world.enterprise.id, politicalStatus: 'PROBATIONARY_MEMBER' });
      expect(body.me.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      expect(body.me.roles.map((r) => r.role)).toContain('INSTRUCTOR');
      const call = wechat.requests.find((r) => r.path === '/wxa/business/getuserphonenumber' && (r.body as { code: string }).code === `phone-${phone}`);
      expect(call?.query.access_token).toMatch(/^tok-/);

      const retired = await user(roster.id);
      expect(retired).toMatchObject({ mergedIntoId: Number(me.user.id), phoneHash: null, phoneEnc: null, orgId: null, enterpriseId: null, name: '赵大海' });
      expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: Number(roster.id) })).toBe(0);
      expect(await t.dataSource.getRepository(InstructorEnterpriseEntity).findBy({ instructorId: Number(me.user.id) })).toHaveLength(1);
      const audit = await t.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'onboarding.attach', entityId: me.user.id });
      expect(JSON.stringify(audit)).not.toContain(phone);
      expect(await status(me.auth)).toMatchObject({ org: { name: world.branch.name }, enterprise: { name: world.enterprise.name } });
      // The admin's people list shows the person once: the account, not the retired roster row.
      const listed = (await t.http().get('/api/admin/users').query({ q: '赵大海', limit: 100 }).set(admin).expect(200)).body as Page<UserResponse>;
      expect(listed.items.map((u) => u.id)).toEqual([me.user.id]);

      // Another account proving the same phone later: the number is now held by a signed-in account.
      const other = await newcomer('bind-phone-second');
      const taken = await t.http().post('/api/me/binding/phone').set(other).send({ code: `phone-${phone}-again` }).expect(409);
      expect(taken.body).toMatchObject({ code: 'PHONE_TAKEN' });
      expect(taken.body.message).toContain('书记');
    });

    it('keeps the phone and says 未在花名册中 when no roster row has it; retrying busy WeChat once', async () => {
      const phone = nextPhone();
      const me = await newcomer('bind-phone-nomatch');
      const body = (await t.http().post('/api/me/binding/phone').set(me).send({ code: `busy-${phone}` }).expect(200)).body as BindingResult;
      expect(body.outcome).toBe('PHONE_SAVED');
      expect(body.message).toContain('入组织码');
      expect(body.me.orgId).toBeUndefined();
      expect((await status(me)).phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      // The number is this account's now: no second person can be created with it, and nobody else can bind it.
      const duplicate = await t.http().post('/api/admin/users').set(admin).send({ name: '后补录', orgId: world.otherBranch.id, phone }).expect(409);
      expect(duplicate.body).toMatchObject({ code: 'PHONE_TAKEN' });
      const other = await newcomer('bind-phone-nomatch-2');
      await t.http().post('/api/me/binding/phone').set(other).send({ code: `phone-${phone}-again` }).expect(409);
    });

    it("refuses a roster row of another org than the account's own, changing nothing", async () => {
      const phone = nextPhone();
      const roster = await rosterPerson('钱多多', world.otherBranch.id, { phone });
      const me = await devLogin(t, 'bind-phone-conflict');
      await t.http().put(`/api/admin/users/${me.user.id}/membership`).set(admin).send({ orgId: world.branch.id }).expect(200);
      const res = await t.http().post('/api/me/binding/phone').set(me.auth).send({ code: `phone-${phone}` }).expect(409);
      expect(res.body).toMatchObject({ code: 'BINDING_CONFLICT' });
      expect(res.body.message).toContain(world.otherBranch.name);
      expect((await user(roster.id)).mergedIntoId).toBeNull();
      expect((await user(me.user.id)).phoneHash).toBeNull();
    });

    it.each([
      ['an expired or used code', 'err-40029', 422, 'WECHAT_PHONE_CODE_INVALID'],
      ['an unknown code', 'garbage', 422, 'WECHAT_PHONE_CODE_INVALID'],
      ['WeChat busy twice', 'err--1', 503, 'WECHAT_UNAVAILABLE'],
      ['an unexpected error', 'err-40013', 503, 'WECHAT_UNAVAILABLE'],
      ["another app's number", 'foreign-13911112222', 503, 'WECHAT_UNAVAILABLE'],
    ])('answers %s with %s', async (_label, code, statusCode, errorCode) => {
      const me = await newcomer(`bind-phone-err-${code}`);
      const res = await t.http().post('/api/me/binding/phone').set(me).send({ code }).expect(statusCode);
      expect(res.body).toMatchObject({ code: errorCode });
      expect((await status(me)).phone).toBeNull();
    });

    it('refreshes an expired access token once and goes on', async () => {
      const phone = nextPhone();
      const me = await newcomer('bind-phone-token');
      await t.http().post('/api/me/binding/phone').set(me).send({ code: `phone-${nextPhone()}` }).expect(200);
      wechat.expireTokens();
      const calls = wechat.tokenCalls;
      await t.http().post('/api/me/binding/phone').set(me).send({ code: `phone-${phone}` }).expect(200);
      expect(wechat.tokenCalls).toBe(calls + 1);
    });

    it('a code used twice is refused the second time', async () => {
      const me = await newcomer('bind-phone-reuse');
      const code = `phone-${nextPhone()}`;
      await t.http().post('/api/me/binding/phone').set(me).send({ code }).expect(200);
      await t.http().post('/api/me/binding/phone').set(me).send({ code }).expect(422);
    });
  });

  describe('one-time binding codes', () => {
    it('a secretary issues a code for their roster person; the person binds once with it', async () => {
      const roster = await rosterPerson('孙一码', world.branch.id, { phone: nextPhone(), politicalStatus: 'FULL_MEMBER' });
      const candidates = (await t.http().get(`/api/workspace/orgs/${world.branch.id}/binding-candidates`).set(secretary).expect(200)).body as BindingCandidate[];
      expect(candidates.find((c) => c.id === roster.id)).toMatchObject({ name: '孙一码', codeExpiresAt: null });
      const issued = await issue(secretary, roster.id);
      expect(issued.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
      const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM binding_codes'));
      expect(stored).not.toContain(issued.code);
      const after = (await t.http().get(`/api/workspace/orgs/${world.branch.id}/binding-candidates`).set(secretary).expect(200)).body as BindingCandidate[];
      expect(after.find((c) => c.id === roster.id)?.codeExpiresAt).toBe(issued.expiresAt);

      const me = await newcomer('bind-code-ok');
      const typed = `${issued.code.slice(0, 3).toLowerCase()} ${issued.code.slice(3)}`;
      const body = (await t.http().post('/api/me/binding/code').set(me).send({ code: typed }).expect(200)).body as BindingResult;
      expect(body).toMatchObject({ outcome: 'ATTACHED', me: { name: '孙一码', orgId: world.branch.id, politicalStatus: 'FULL_MEMBER' } });

      const again = await newcomer('bind-code-reuse');
      expect((await t.http().post('/api/me/binding/code').set(again).send({ code: issued.code }).expect(422)).body).toMatchObject({ code: 'BINDING_CODE_INVALID' });
      // Bound people are no longer candidates, and no new code can be issued for them.
      const left = (await t.http().get(`/api/workspace/orgs/${world.branch.id}/binding-candidates`).set(secretary).expect(200)).body as BindingCandidate[];
      expect(left.some((c) => c.id === roster.id)).toBe(false);
      // The retired roster row belongs to no org any more; the account that took it over needs no code.
      await t.http().post(`/api/workspace/roster/${roster.id}/binding-code`).set(secretary).expect(404);
      await t.http().post(`/api/workspace/roster/${body.me.id}/binding-code`).set(secretary).expect(409);
      const audit = await t.dataSource.getRepository(AuditLogEntity).findBy({ action: 'onboarding.binding-code', entityId: roster.id });
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit)).not.toContain(issued.code);
    });

    it('two accounts racing with the same code: exactly one gets the roster row', async () => {
      const roster = await rosterPerson('并发码', world.branch.id);
      const issued = await issue(secretary, roster.id);
      const [a, b] = await Promise.all([newcomer('bind-code-race-a'), newcomer('bind-code-race-b')]);
      const answers = await Promise.all([a, b].map((auth) => t.http().post('/api/me/binding/code').set(auth).send({ code: issued.code })));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 422]);
      const merged = await user(roster.id);
      const winner = answers[0].status === 200 ? answers[0] : answers[1];
      expect(merged.mergedIntoId).toBe(Number((winner.body as BindingResult).me.id));
      // The retired roster row leaves the org's lists: one 并发码 there, the account that won.
      expect(await t.dataSource.getRepository(UserEntity).countBy({ orgId: Number(world.branch.id), name: '并发码' })).toBe(1);
    });

    it('two accounts racing with the same phone: one attaches, the other is told the phone is taken', async () => {
      const phone = nextPhone();
      const roster = await rosterPerson('并发号', world.branch.id, { phone });
      const [a, b] = await Promise.all([newcomer('bind-phone-race-a'), newcomer('bind-phone-race-b')]);
      const answers = await Promise.all([a, b].map((auth, i) => t.http().post('/api/me/binding/phone').set(auth).send({ code: `phone-${phone}-race${i}` })));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.status === 409)?.body).toMatchObject({ code: 'PHONE_TAKEN' });
      expect((await user(roster.id)).mergedIntoId).not.toBeNull();
    });

    it('expires after 24 hours (injectable clock), and a new code replaces the old one', async () => {
      const roster = await rosterPerson('周过期', world.branch.id);
      const first = await issue(secretary, roster.id);
      const second = await issue(secretary, roster.id);
      const me = await newcomer('bind-code-expiry');
      await t.http().post('/api/me/binding/code').set(me).send({ code: first.code }).expect(422);
      t.app.get(Clock).travel(24 * HOUR + 60 * 1000);
      await t.http().post('/api/me/binding/code').set(me).send({ code: second.code }).expect(422);
      t.app.get(Clock).reset();
      await t.http().post('/api/me/binding/code').set(me).send({ code: second.code }).expect(200);
    });

    it('limits wrong attempts per person (5 per 15 minutes, counted in the database, the right code refused too), then lets them try again', async () => {
      const roster = await rosterPerson('吴尝试', world.branch.id);
      const issued = await issue(secretary, roster.id);
      const me = await newcomer('bind-code-guess');
      const wrong = issued.code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
      for (let i = 0; i < 5; i++) await t.http().post('/api/me/binding/code').set(me).send({ code: wrong }).expect(422);
      const limited = await t.http().post('/api/me/binding/code').set(me).send({ code: issued.code }).expect(429);
      expect(limited.body.message).toContain('绑定码错误次数过多');
      const rows = (await t.dataSource.query(`SELECT ${t.dataSource.driver.escape('hits')} AS hits FROM rate_limits WHERE ${t.dataSource.driver.escape('key')} LIKE 'binding-code:%'`)) as Array<{ hits: number }>;
      expect(rows.some((r) => Number(r.hits) >= 6)).toBe(true);
      // The next window lets the person try again.
      t.app.get(Clock).travel(16 * 60 * 1000);
      await t.http().post('/api/me/binding/code').set(me).send({ code: issued.code }).expect(200);
    });

    it('refuses a code when the account already holds a different phone (nothing changes)', async () => {
      const roster = await rosterPerson('郑冲突', world.branch.id, { phone: nextPhone() });
      const issued = await issue(secretary, roster.id);
      const me = await newcomer('bind-code-phone-conflict');
      await t.http().post('/api/me/binding/phone').set(me).send({ code: `phone-${nextPhone()}` }).expect(200);
      expect((await t.http().post('/api/me/binding/code').set(me).send({ code: issued.code }).expect(409)).body).toMatchObject({ code: 'BINDING_CONFLICT' });
      expect((await user(roster.id)).mergedIntoId).toBeNull();
      // The code was not spent by the refused attempt.
      const rightful = await newcomer('bind-code-phone-conflict-2');
      await t.http().post('/api/me/binding/code').set(rightful).send({ code: issued.code }).expect(200);
    });

    it('scope: a secretary cannot issue codes or list candidates for another org (404), committee staff of the chain can', async () => {
      const roster = await rosterPerson('冯他组', world.otherBranch.id);
      await t.http().post(`/api/workspace/roster/${roster.id}/binding-code`).set(secretary).expect(404);
      await t.http().get(`/api/workspace/orgs/${world.otherBranch.id}/binding-candidates`).set(secretary).expect(404);
      await t.http().post(`/api/workspace/roster/${roster.id}/binding-code`).set(otherSecretary).expect(201);
      const mingyang = await rosterPerson('陈本链', world.branch.id);
      await t.http().post(`/api/workspace/roster/${mingyang.id}/binding-code`).set(committee).expect(201);
      const member = await newcomer('bind-code-plain-member');
      await t.http().post(`/api/workspace/roster/${mingyang.id}/binding-code`).set(member).expect(403);
    });
  });

  describe('join codes and join requests', () => {
    let code: JoinCodeResponse;

    it('a secretary issues, shows and revokes the join code of their org (QR included); others get 404', async () => {
      const branch = world.branch.id;
      expect((await t.http().get(`/api/workspace/orgs/${branch}/join-code`).set(secretary).expect(200)).body).toBeNull();
      const first = (await t.http().post(`/api/workspace/orgs/${branch}/join-code`).set(secretary).expect(201)).body as JoinCodeResponse;
      expect(first.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
      expect(first.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      await t.http().delete(`/api/workspace/orgs/${branch}/join-code`).set(secretary).expect(204);
      const person = await newcomer('join-revoked');
      expect((await t.http().get(`/api/join-codes/${first.code}`).set(person).expect(422)).body).toMatchObject({ code: 'JOIN_CODE_INVALID' });
      code = (await t.http().post(`/api/workspace/orgs/${branch}/join-code`).set(secretary).expect(201)).body as JoinCodeResponse;
      expect((await t.http().get(`/api/workspace/orgs/${branch}/join-code`).set(secretary).expect(200)).body).toMatchObject({ code: code.code });
      await t.http().post(`/api/workspace/orgs/${branch}/join-code`).set(otherSecretary).expect(404);
      await t.http().delete(`/api/workspace/orgs/${branch}/join-code`).set(otherSecretary).expect(404);
      expect((await t.http().get(`/api/join-codes/${code.code.toLowerCase()}`).set(person).expect(200)).body).toEqual({ orgId: branch, orgName: world.branch.name });
    });

    it('approve: the person joins with the status given, is told, and the secretary was told of the request', async () => {
      const person = await devLogin(t, 'join-approve');
      const sent = (await t.http().post('/api/me/join-requests').set(person.auth).send({ code: code.code, name: '林新人', politicalStatus: 'ACTIVIST', enterpriseId: world.enterprise.id }).expect(201)).body as JoinRequestResponse;
      expect(sent).toMatchObject({ status: 'PENDING', orgName: world.branch.name, canDecide: false });
      await t.http().post('/api/me/join-requests').set(person.auth).send({ code: code.code, name: '林新人', politicalStatus: 'ACTIVIST' }).expect(409);
      expect((await status(person.auth)).pendingJoinRequest?.id).toBe(sent.id);
      expect((await inbox(secretary)).some((n) => n.kind === 'JOIN_REQUESTED' && n.body.includes('林新人'))).toBe(true);

      const pending = (await t.http().get('/api/workspace/join-requests').set(secretary).expect(200)).body as JoinRequestResponse[];
      expect(pending.find((r) => r.id === sent.id)).toMatchObject({ canDecide: true });
      expect(((await t.http().get('/api/workspace/join-requests').set(otherSecretary).expect(200)).body as JoinRequestResponse[]).some((r) => r.id === sent.id)).toBe(false);
      await t.http().post(`/api/workspace/join-requests/${sent.id}/approve`).set(otherSecretary).expect(404);

      const approved = (await t.http().post(`/api/workspace/join-requests/${sent.id}/approve`).set(secretary).expect(200)).body as JoinRequestResponse;
      expect(approved).toMatchObject({ status: 'APPROVED', canDecide: false });
      await t.http().post(`/api/workspace/join-requests/${sent.id}/approve`).set(secretary).expect(409);
      expect(await user(person.user.id)).toMatchObject({ name: '林新人', orgId: Number(world.branch.id), politicalStatus: 'ACTIVIST', enterpriseId: Number(world.enterprise.id) });
      expect((await inbox(person.auth)).find((n) => n.kind === 'JOIN_APPROVED')?.body).toContain(world.branch.name);
      // Also through the WeChat outbox (sent when a review_result template is configured).
      const outbox = await t.app.get(NotificationService).outboxFor([Number(person.user.id)]);
      expect(outbox.map((o) => [o.templateKey, o.data.phrase3, o.page])).toEqual([['review_result', '已通过', 'pages/mine/index']]);
      const mine = (await t.http().get('/api/me/join-requests').set(person.auth).expect(200)).body as JoinRequestResponse[];
      expect(mine.map((r) => [r.id, r.status])).toEqual([[sent.id, 'APPROVED']]);
      expect(await t.dataSource.getRepository(AuditLogEntity).countBy({ action: 'onboarding.join-approve', entityId: person.user.id })).toBe(1);
      // Already in an org: no second request.
      expect((await t.http().post('/api/me/join-requests').set(person.auth).send({ code: code.code, name: '林新人', politicalStatus: 'ACTIVIST' }).expect(409)).body).toMatchObject({ code: 'ALREADY_IN_ORG' });
    });

    it('reject: with a reason the person reads; nothing about them changes, and they may ask again', async () => {
      const person = await devLogin(t, 'join-reject');
      const sent = (await t.http().post('/api/me/join-requests').set(person.auth).send({ code: code.code, name: '陌生人', politicalStatus: 'MASSES' }).expect(201)).body as JoinRequestResponse;
      await t.http().post(`/api/workspace/join-requests/${sent.id}/reject`).set(secretary).send({ reason: ' ' }).expect(400);
      await t.http().post(`/api/workspace/join-requests/${sent.id}/reject`).set(otherSecretary).send({ reason: '不认识' }).expect(404);
      const rejected = (await t.http().post(`/api/workspace/join-requests/${sent.id}/reject`).set(secretary).send({ reason: '本支部无此人，请联系所在单位党组织' }).expect(200)).body as JoinRequestResponse;
      expect(rejected).toMatchObject({ status: 'REJECTED', reason: '本支部无此人，请联系所在单位党组织' });
      expect((await inbox(person.auth)).find((n) => n.kind === 'JOIN_REJECTED')?.body).toContain('本支部无此人');
      const outbox = await t.app.get(NotificationService).outboxFor([Number(person.user.id)]);
      expect(outbox.map((o) => [o.templateKey, o.data.phrase3, o.data.thing4])).toEqual([['review_result', '未通过', '本支部无此人，请联系所在单位党组织']]);
      expect((await user(person.user.id)).orgId).toBeNull();
      expect((await status(person.auth)).pendingJoinRequest).toBeNull();
      await t.http().post('/api/me/join-requests').set(person.auth).send({ code: code.code, name: '陌生人', politicalStatus: 'MASSES' }).expect(201);
    });

    it('limits wrong join codes per person', async () => {
      const person = await newcomer('join-guess');
      for (let i = 0; i < 10; i++) await t.http().get('/api/join-codes/AAAAAAAA').set(person).expect(422);
      await t.http().get(`/api/join-codes/${code.code}`).set(person).expect(429);
    });
  });

  describe('enterprise representation', () => {
    it("the enterprise's secretary or its chain's committee approve; others cannot; the person's enterprise is set", async () => {
      const person = await devLogin(t, 'rep-approve');
      const sent = (await t.http().post('/api/me/representation-requests').set(person.auth).send({ enterpriseId: world.otherEnterprise.id, kind: 'ENTREPRENEUR' }).expect(201)).body as RepresentationRequestResponse;
      expect(sent).toMatchObject({ status: 'PENDING', enterpriseName: world.otherEnterprise.name, kind: 'ENTREPRENEUR' });
      await t.http().post('/api/me/representation-requests').set(person.auth).send({ enterpriseId: world.enterprise.id, kind: 'CONTACT' }).expect(409);
      expect((await inbox(otherSecretary)).some((n) => n.kind === 'REPRESENTATION_REQUESTED')).toBe(true);
      expect(((await t.http().get('/api/workspace/representation-requests').set(secretary).expect(200)).body as RepresentationRequestResponse[]).some((r) => r.id === sent.id)).toBe(false);
      await t.http().post(`/api/workspace/representation-requests/${sent.id}/approve`).set(secretary).expect(404);
      await t.http().post(`/api/workspace/representation-requests/${sent.id}/approve`).set(committee).expect(404);
      const list = (await t.http().get('/api/workspace/representation-requests').set(otherSecretary).expect(200)).body as RepresentationRequestResponse[];
      expect(list.find((r) => r.id === sent.id)).toMatchObject({ canDecide: true, userName: person.user.name });
      await t.http().post(`/api/workspace/representation-requests/${sent.id}/approve`).set(otherSecretary).expect(200);
      expect((await user(person.user.id)).enterpriseId).toBe(Number(world.otherEnterprise.id));
      expect((await inbox(person.auth)).some((n) => n.kind === 'REPRESENTATION_APPROVED')).toBe(true);
      const mine = (await t.http().get('/api/me/representation-requests').set(person.auth).expect(200)).body as RepresentationRequestResponse[];
      expect(mine.map((r) => [r.id, r.status, r.canDecide])).toEqual([[sent.id, 'APPROVED', false]]);
      // Now the person may raise a need for the enterprise.
      expect((await status(person.auth)).enterprise?.name).toBe(world.otherEnterprise.name);
    });

    it("committee staff of the enterprise's chain decide too, and a rejection is told with its reason", async () => {
      const person = await devLogin(t, 'rep-reject');
      const sent = (await t.http().post('/api/me/representation-requests').set(person.auth).send({ enterpriseId: world.enterprise.id, kind: 'CONTACT' }).expect(201)).body as RepresentationRequestResponse;
      await t.http().post(`/api/workspace/representation-requests/${sent.id}/reject`).set(otherSecretary).send({ reason: '不是我企' }).expect(404);
      await t.http().post(`/api/workspace/representation-requests/${sent.id}/reject`).set(committee).send({ reason: '请由企业人事部门确认后再申请' }).expect(200);
      expect((await inbox(person.auth)).find((n) => n.kind === 'REPRESENTATION_REJECTED')?.body).toContain('人事部门');
      expect((await user(person.user.id)).enterpriseId).toBeNull();
    });
  });

  it('我的 shows a department handler their department', async () => {
    expect((await status(world.handler.auth)).departments.map((d) => d.name)).toEqual([world.department.name]);
  });
});
