import { JwtService } from '@nestjs/jwt';
import type { AuditLogResponse, BrandWorkspaceResponse, CheckinCodeResponse, ImageResponse, NeedDetail, Page, UserResponse } from '@torch-red/shared';
import { createHmac } from 'node:crypto';
import { statSync } from 'node:fs';
import sharp from 'sharp';
import { APP_CONFIG, loadConfig, type AppConfig } from '../src/config/app-config';
import { SecurityHardening1764662400000 } from '../src/database/migrations/1764662400000-SecurityHardening';
import { NeedEventEntity } from '../src/modules/need/need-event.entity';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { adminLogin, devLogin } from './factories/auth.factory';
import { needBody, raiseNeed } from './factories/need.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, type World } from './factories/world.factory';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;
const png = (width: number, height: number, background = '#c8102e') => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
const bearer = (token: string): Auth => ({ Authorization: `Bearer ${token}` });

describe.each(DATABASES)('security hardening on %s', (db) => {
  let t: TestApp;
  let config: AppConfig;
  let admin: Auth;
  let world: World; // made by this suite: see world.factory.ts
  let entrepreneur: Auth; // of world.otherEnterprise
  let member: Auth; // of world.branch
  let memberId: string;
  let secretary: Auth; // of world.branch
  let committee: Auth; // committee staff of world.committeeOrg, above world.branch
  let firstBranch: string; // world.branch
  let adminUserId: string;

  const upload = async (auth: Auth, background?: string) =>
    (await t.http().post('/api/uploads/images').set(auth).attach('file', await png(64, 48, background), 'a.png').expect(201)).body as ImageResponse;
  const brandBody = (overrides: Record<string, unknown> = {}) => ({ name: '链上红帆', slogan: '红帆引领', story: [], coverImageId: null, galleryImageIds: [], honours: [], ...overrides });
  const fromIp = (ip: string) => ({ 'X-Forwarded-For': ip });

  beforeAll(async () => {
    // Client IPs come from X-Forwarded-For in this suite (as behind a load balancer), so logins can come "from" several places.
    t = await startTestApp(db, { LOGIN_RATE_LIMIT_PER_MINUTE: '30', API_DOCS: '0', TRUST_PROXY: '1' });
    config = t.app.get<AppConfig>(APP_CONFIG);
    admin = await adminLogin(t);
    adminUserId = String((await t.http().get('/api/me').set(admin).expect(200)).body.id);
    world = await createWorld(t);
    entrepreneur = world.entrepreneur.auth;
    member = world.member.auth;
    memberId = world.member.id;
    secretary = world.secretary.auth;
    committee = world.committee.auth;
    firstBranch = world.branch.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('15: images can be attached only by their uploader, and need photos need a signed URL', () => {
    let needPhoto: ImageResponse;
    let need: NeedDetail;

    it('refuses someone else’s image id on a need and on a brand, exactly like a missing one', async () => {
      needPhoto = await upload(entrepreneur);
      need = await raiseNeed(t, entrepreneur, { title: '保密的原料问题', imageIds: [needPhoto.id] });
      expect(need.images.map((i) => i.id)).toEqual([needPhoto.id]);
      await t.http().get(`/api/needs/${need.id}`).set(member).expect(404);

      const viaNeed = await t.http().post('/api/needs').set(member).send(needBody({ imageIds: [needPhoto.id] })).expect(400);
      const missing = await t.http().post('/api/needs').set(member).send(needBody({ imageIds: ['987654'] })).expect(400);
      expect(viaNeed.body).toMatchObject({ code: 'VALIDATION_FAILED', message: missing.body.message });
      expect(JSON.stringify(viaNeed.body)).not.toContain('/api/files/');

      const viaBrand = await t.http().put(`/api/workspace/orgs/${firstBranch}/brand`).set(committee).send(brandBody({ coverImageId: needPhoto.id })).expect(400);
      expect(viaBrand.body.code).toBe('VALIDATION_FAILED');
      const viaStory = await t.http()
        .put(`/api/workspace/orgs/${firstBranch}/brand`)
        .set(secretary)
        .send(brandBody({ story: [{ type: 'image', imageId: needPhoto.id }], galleryImageIds: [needPhoto.id] }))
        .expect(400);
      expect(viaStory.body.code).toBe('VALIDATION_FAILED');
    });

    it('lets an editor of the same brand keep a colleague’s picture, but not add a stranger’s', async () => {
      const cover = await upload(secretary, '#ffcc00');
      await t.http().put(`/api/workspace/orgs/${firstBranch}/brand`).set(secretary).send(brandBody({ coverImageId: cover.id })).expect(200);
      const kept = await t.http().put(`/api/workspace/orgs/${firstBranch}/brand`).set(committee).send(brandBody({ coverImageId: cover.id, galleryImageIds: [cover.id] })).expect(200);
      expect((kept.body as BrandWorkspaceResponse).cover?.id).toBe(cover.id);
      // Brand images stay public: the plain URL works without any token.
      const file = await t.http().get((kept.body as BrandWorkspaceResponse).cover!.url).expect(200);
      expect(file.headers['cache-control']).toContain('public');
      const stranger = await upload(member, '#00aa00');
      await t.http().put(`/api/workspace/orgs/${firstBranch}/brand`).set(committee).send(brandBody({ coverImageId: cover.id, galleryImageIds: [stranger.id] })).expect(400);
    });

    it('serves a need photo only through the signed, expiring URL the need shows', async () => {
      // The address handed out at upload time stops working once the photo belongs to a need.
      await t.http().get(needPhoto.url).expect(404);
      await t.http().get(needPhoto.thumbUrl).expect(404);

      const shown = ((await t.http().get(`/api/needs/${need.id}`).set(entrepreneur).expect(200)).body as NeedDetail).images[0];
      expect(shown.url).toMatch(/^\/api\/files\/img\/\d{4}\/[0-9a-f-]{36}-\d+\.(jpg|png)\?exp=\d+&sig=[\w-]+$/);
      const ok = await t.http().get(shown.url).expect(200);
      expect(ok.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      await t.http().get(shown.thumbUrl).expect(200);

      const [path, query] = shown.url.split('?');
      const params = new URLSearchParams(query);
      await t.http().get(path).expect(404);
      await t.http().get(`${path}?exp=${Number(params.get('exp')) + 600}&sig=${params.get('sig')}`).expect(404);
      await t.http().get(`${path}?exp=${params.get('exp')}&sig=${'A'.repeat(params.get('sig')!.length)}`).expect(404);
      // A correctly signed URL past its expiry is refused too.
      const fileKey = path.slice('/api/files/'.length);
      const urlKey = createHmac('sha256', config.jwt.secret).update('torch-red:files').digest();
      const past = Math.floor(Date.now() / 1000) - 60;
      const oldSig = createHmac('sha256', urlKey).update(`${fileKey}\n${past}`).digest('base64url').slice(0, 32);
      await t.http().get(`${path}?exp=${past}&sig=${oldSig}`).expect(404);
      // The thumbnail's signature does not open the display size.
      const thumbSig = new URLSearchParams(shown.thumbUrl.split('?')[1]).get('sig');
      await t.http().get(`${path}?exp=${params.get('exp')}&sig=${thumbSig}`).expect(404);
    });
  });

  describe('16: the venue check-in code cannot be brute-forced', () => {
    it('allows 5 wrong codes per person and activity in 10 minutes, then answers 429, also for parallel guesses', async () => {
      const start = Date.now() + 30 * 60 * 1000;
      const activity = await publishedActivity(t, secretary, activityBody(firstBranch, {
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 2 * HOUR).toISOString(),
        signupEndAt: new Date(start - 10 * 60 * 1000).toISOString(),
      }));
      const people = await Promise.all([1, 2, 3].map((n) => devLogin(t, `checkin-guesser-${n}`, `签到${n}`)));
      for (const p of people) await t.http().post(`/api/activities/${activity.id}/registrations`).set(p.auth).send({ answers: { company: 'x' } }).expect(201);
      const code = (await t.http().get(`/api/activities/${activity.id}/checkin-code`).set(secretary).expect(200)).body as CheckinCodeResponse;
      const wrong = code.shortCode === '000000' ? '000001' : '000000';
      const checkin = (auth: Auth, c: string) => t.http().post(`/api/activities/${activity.id}/checkin`).set(auth).send({ code: c });

      const [guesser, honest, racer] = people.map((p) => p.auth);
      for (let i = 0; i < 5; i++) expect((await checkin(guesser, wrong).expect(422)).body.code).toBe('CHECKIN_CODE_INVALID');
      const limited = await checkin(guesser, code.shortCode).expect(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(limited.body.message).toContain('签到码错误次数过多');

      // Another person is not affected; a right code is not counted against them.
      for (let i = 0; i < 4; i++) await checkin(honest, wrong).expect(422);
      await checkin(honest, code.shortCode).expect(200);
      await checkin(honest, wrong).expect(422);
      await checkin(honest, wrong).expect(429);

      // Guesses sent all at once are counted just the same.
      const burst = await Promise.all(Array.from({ length: 20 }, () => checkin(racer, wrong)));
      expect(burst.filter((r) => r.status === 422)).toHaveLength(5);
      expect(burst.filter((r) => r.status === 429)).toHaveLength(15);
    });
  });

  describe('17: admin login is throttled per username and IP, without a lock-out switch', () => {
    const login = (ip: string, password: string) => t.http().post('/api/admin/auth/login').set(fromIp(ip)).send({ username: 'admin', password });

    it('answers 429 to the IP that guessed, and still lets the right password in from elsewhere', async () => {
      for (let i = 0; i < 10; i++) await login('203.0.113.10', `wrong-${i}`).expect(401);
      expect((await login('203.0.113.10', 'torchred-admin').expect(429)).body.code).toBe('RATE_LIMITED');
      await login('203.0.113.11', 'torchred-admin').expect(200);
    });

    it('never refuses the real admin because other IPs failed many times', async () => {
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
        const fails = await Promise.all(Array.from({ length: 10 }, (_, i) => login(ip, `guess-${i}`)));
        expect(fails.map((r) => r.status)).toEqual(Array(10).fill(401));
      }
      const res = await login('198.51.100.99', 'torchred-admin').expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      // Upper case is the same username for the limits.
      for (let i = 0; i < 10; i++) await t.http().post('/api/admin/auth/login').set(fromIp('203.0.113.20')).send({ username: i % 2 ? 'ADMIN' : 'admin', password: 'x' }).expect(401);
      await login('203.0.113.20', 'torchred-admin').expect(429);
    });
  });

  describe('18: 先锋岗 holders must be members of the organisation', () => {
    const post = (holderIds: string[]) => ({ name: '叶片质检先锋岗', kind: 'PIONEER_POST', enterpriseId: null, workshop: '质检', commitment: '零缺陷', holderIds });

    it('refuses people from elsewhere without revealing their names', async () => {
      const outsiderName = '系统管理员';
      for (const [auth, ids] of [
        [committee, [adminUserId]],
        [secretary, [memberId, adminUserId]],
      ] as const) {
        const res = await t.http().post(`/api/workspace/orgs/${firstBranch}/posts`).set(auth).send(post([...ids])).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.body)).not.toContain(outsiderName);
      }
      const created = await t.http().post(`/api/workspace/orgs/${firstBranch}/posts`).set(secretary).send(post([memberId])).expect(201);
      expect(created.body.holders).toEqual([{ id: memberId, name: world.member.name }]);
      const edit = await t.http().patch(`/api/workspace/posts/${created.body.id}`).set(committee).send(post([memberId, adminUserId])).expect(400);
      expect(JSON.stringify(edit.body)).not.toContain(outsiderName);
      // Someone who already holds the post may stay after moving away.
      const mover = await devLogin(t, 'post-holder-mover', '调岗员');
      await t.http().put(`/api/admin/users/${mover.user.id}/membership`).set(admin).send({ orgId: firstBranch }).expect(200);
      await t.http().patch(`/api/workspace/posts/${created.body.id}`).set(secretary).send(post([memberId, mover.user.id])).expect(200);
      await t.http().put(`/api/admin/users/${mover.user.id}/membership`).set(admin).send({ orgId: null }).expect(200);
      await t.http().patch(`/api/workspace/posts/${created.body.id}`).set(secretary).send({ ...post([memberId, mover.user.id]), commitment: '零缺陷，零事故' }).expect(200);
    });
  });

  describe('20: tokens expire, sessions can be ended, people can be disabled', () => {
    it('refuses a correctly signed token without exp', async () => {
      const forever = new JwtService().sign({ sub: memberId, kind: 'user', ver: 0 }, { secret: config.jwt.secret });
      const res = await t.http().get('/api/me').set(bearer(forever)).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
      const expiring = new JwtService().sign({ sub: memberId, kind: 'user', ver: 0 }, { secret: config.jwt.secret, expiresIn: 60 });
      await t.http().get('/api/me').set(bearer(expiring)).expect(200);
    });

    it('lets the role from the database decide: an ADMIN grant on a WeChat account reaches the admin API', async () => {
      const wechatAdmin = await createPerson(t, admin, world.tag, 'wechat-admin', { name: '微信管理员', roles: [{ role: 'ADMIN' }] });
      await t.http().get('/api/admin/users').set(wechatAdmin.auth).expect(200);
      await t.http().get('/api/admin/users').set(member).expect(403);
    });

    it('ends a person’s sessions on request, in every process, and audits it', async () => {
      const person = await devLogin(t, 'session-person', '会话测试');
      await t.http().post(`/api/admin/users/${person.user.id}/sessions/revoke`).set(member).expect(403);
      await t.http().post(`/api/admin/users/987654/sessions/revoke`).set(admin).expect(404);
      await t.http().post(`/api/admin/users/${person.user.id}/sessions/revoke`).set(admin).expect(204);
      const refused = await t.http().get('/api/me').set(person.auth).expect(401);
      expect(refused.body.code).toBe('SESSION_REVOKED');
      const again = await devLogin(t, 'session-person');
      await t.http().get('/api/me').set(again.auth).expect(200);
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${person.user.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items.map((i) => i.action)).toContain('user.sessions-revoke');

      await t.http().post('/api/auth/logout').expect(401);
      await t.http().post('/api/auth/logout').set(again.auth).expect(204);
      expect((await t.http().get('/api/me').set(again.auth).expect(401)).body.code).toBe('SESSION_REVOKED');
    });

    it('disables and re-enables a person: refused on every request and at sign-in while disabled', async () => {
      const person = await devLogin(t, 'disabled-person', '停用测试');
      await t.http().put(`/api/admin/users/${person.user.id}/status`).set(member).send({ disabled: true }).expect(403);
      await t.http().put(`/api/admin/users/${person.user.id}/status`).set(admin).send({ disabled: 'yes' }).expect(400);
      const disabled = await t.http().put(`/api/admin/users/${person.user.id}/status`).set(admin).send({ disabled: true }).expect(200);
      expect((disabled.body as UserResponse).disabled).toBe(true);
      const refused = await t.http().get('/api/me').set(person.auth).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, code: 'ACCOUNT_DISABLED' });
      expect((await t.http().post('/api/auth/dev-login').send({ openid: 'disabled-person' }).expect(403)).body.code).toBe('ACCOUNT_DISABLED');

      const enabled = await t.http().put(`/api/admin/users/${person.user.id}/status`).set(admin).send({ disabled: false }).expect(200);
      expect((enabled.body as UserResponse).disabled).toBe(false);
      // The sessions from before stay ended; a new sign-in works.
      expect((await t.http().get('/api/me').set(person.auth).expect(401)).body.code).toBe('SESSION_REVOKED');
      await t.http().get('/api/me').set((await devLogin(t, 'disabled-person')).auth).expect(200);
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${person.user.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items.map((i) => i.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
    });

    it('keeps someone in charge: no disabling oneself, no removing the last active admin', async () => {
      expect((await t.http().put(`/api/admin/users/${adminUserId}/status`).set(admin).send({ disabled: true }).expect(409)).body.code).toBe('CONFLICT');
      const other = await createPerson(t, admin, world.tag, 'second-admin', { name: '第二管理员', roles: [{ role: 'ADMIN' }] });
      // Every other active admin is disabled, so the admin account is the last one who can act.
      const admins = ((await t.http().get('/api/admin/users?limit=100').set(admin).expect(200)).body as Page<UserResponse>).items.filter(
        (u) => u.id !== adminUserId && !u.disabled && u.roles.some((g) => g.role === 'ADMIN'),
      );
      expect(admins.map((u) => u.id)).toContain(other.id);
      for (const u of admins) await t.http().put(`/api/admin/users/${u.id}/status`).set(admin).send({ disabled: true }).expect(200);
      // Two ADMIN grants remain, but only one admin can act: that one cannot be demoted.
      const grants = ((await t.http().get(`/api/admin/users/${adminUserId}`).set(admin).expect(200)).body as UserResponse).roles;
      const adminGrant = grants.find((g) => g.role === 'ADMIN')!;
      await t.http().delete(`/api/admin/users/${adminUserId}/roles/${adminGrant.id}`).set(admin).expect(409);
      for (const u of admins) await t.http().put(`/api/admin/users/${u.id}/status`).set(admin).send({ disabled: false }).expect(200);
    });
  });

  describe('21: caching, docs, files', () => {
    it('marks API answers no-store unless they say otherwise', async () => {
      for (const res of [
        await t.http().get('/api/me').set(member).expect(200),
        await t.http().get(`/api/orgs/${firstBranch}/members`).set(secretary).expect(200),
        await t.http().get('/api/admin/users').set(admin).expect(200),
        await t.http().get('/api/needs/987654').set(member).expect(404),
      ]) {
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('serves the API docs only when enabled', async () => {
      await t.http().get('/api/docs-json').expect(404);
      await t.http().get('/api/docs').expect(404);
    });

    if (db === 'sqlite') {
      it('keeps the SQLite files readable by the server’s user only', () => {
        const file = (t.dataSource.options as { database: string }).database;
        for (const path of [file, `${file}-wal`, `${file}-shm`]) {
          expect({ path, mode: statSync(path).mode & 0o777 }).toEqual({ path, mode: 0o600 });
        }
      });
    }
  });

  describe('22: four eyes on brands, and merge notes that keep titles private', () => {
    it('does not let committee staff approve a brand they edited; another reviewer may', async () => {
      await t.http().put(`/api/workspace/orgs/${firstBranch}/brand`).set(committee).send(brandBody({ name: '干事改过的品牌' })).expect(200);
      const submitted = (await t.http().post(`/api/workspace/orgs/${firstBranch}/brand/submit`).set(secretary).expect(200)).body as BrandWorkspaceResponse;
      const refused = await t.http().post(`/api/review/brands/${submitted.id}/approve`).set(committee).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      const colleague = await devLogin(t, 'second-reviewer', '第二审核人');
      const committeeOrg = world.committeeOrg.id;
      await t.http().post(`/api/admin/users/${colleague.user.id}/roles`).set(admin).send({ role: 'COMMITTEE', orgId: committeeOrg }).expect(201);
      await t.http().post(`/api/review/brands/${submitted.id}/approve`).set(colleague.auth).expect(200);

      // After approval the slate is clean: the committee staff may approve the next version someone else wrote.
      await t.http().put(`/api/workspace/orgs/${firstBranch}/brand`).set(secretary).send(brandBody({ name: '书记改过的品牌' })).expect(200);
      await t.http().post(`/api/workspace/orgs/${firstBranch}/brand/submit`).set(secretary).expect(200);
      await t.http().post(`/api/review/brands/${submitted.id}/approve`).set(committee).expect(200);
    });

    it('lets an admin approve their own edit, and audits that they did', async () => {
      const org = world.otherBranch.id;
      const saved = (await t.http().put(`/api/workspace/orgs/${org}/brand`).set(admin).send(brandBody({ name: '管理员写的品牌' })).expect(200)).body as BrandWorkspaceResponse;
      await t.http().post(`/api/workspace/orgs/${org}/brand/submit`).set(admin).expect(200);
      await t.http().post(`/api/review/brands/${saved.id}/approve`).set(admin).expect(200);
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=brand&entityId=${saved.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items.find((i) => i.action === 'brand.approve')?.after).toMatchObject({ approvedOwnEdit: true });
    });

    it('shows the other need’s title in a merge note only to those who may open it', async () => {
      // The entrepreneur's enterprise and a neighbour on the same chain.
      const neighbour = (await t.http().post('/api/admin/enterprises').set(admin).send({ name: `${world.tag}邻居企业`, chainId: world.otherChain.id, chainRole: 'MEMBER' }).expect(201)).body as { id: string };
      const raiser = await devLogin(t, 'merge-target-raiser', '邻居企业家');
      await t.http().put(`/api/admin/users/${raiser.user.id}/membership`).set(admin).send({ enterpriseId: neighbour.id }).expect(200);
      const staff = await devLogin(t, 'merge-committee', '合并干事');
      await t.http().post(`/api/admin/users/${staff.user.id}/roles`).set(admin).send({ role: 'COMMITTEE', orgId: world.otherCommitteeOrg.id }).expect(201);

      const secret = await raiseNeed(t, entrepreneur, { title: '亿鑫化工的保密事项' });
      const target = await raiseNeed(t, raiser.auth, { title: '邻居企业的公开事项' });
      await t.http().post(`/api/needs/${secret.id}/merge`).set(staff.auth).send({ targetNeedId: target.id, note: '同一事项' }).expect(200);

      const notes = async (auth: Auth, id: string) => ((await t.http().get(`/api/needs/${id}`).set(auth).expect(200)).body as NeedDetail).timeline.filter((e) => e.kind === 'MERGED').map((e) => e.note);
      expect(await notes(raiser.auth, target.id)).toEqual([`需求 #${secret.id} 已并入本需求`]);
      expect(await notes(staff.auth, target.id)).toEqual([`需求 #${secret.id}「亿鑫化工的保密事项」已并入本需求`]);
      expect(await notes(entrepreneur, secret.id)).toEqual([`并入需求 #${target.id}；同一事项`]);
      expect(await notes(staff.auth, secret.id)).toEqual([`并入需求 #${target.id}「邻居企业的公开事项」；同一事项`]);

      // Notes written before this change carried the title; it is taken out for readers who cannot open that need.
      await t.dataSource.getRepository(NeedEventEntity).insert({ needId: Number(target.id), actorId: null, kind: 'MERGED', departmentId: null, note: `需求 #${secret.id}「亿鑫化工的保密事项」并入本需求` });
      const shown = await notes(raiser.auth, target.id);
      expect(shown).toHaveLength(2);
      expect(shown.join('\n')).not.toContain('保密');
    });
  });

  it('has a migration that can run again over a half-applied or finished state', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await new SecurityHardening1764662400000().up(runner);
      expect(await runner.hasColumn('users', 'tokenVersion')).toBe(true);
      expect(await runner.hasColumn('images', 'isPrivate')).toBe(true);
    } finally {
      await runner.release();
    }
  });

  describe('19: the admin can change their password', () => {
    const strong = 'Torch-Red-2026-Strong!';

    it('checks the current password and the strength rule, ends other sessions, and audits the change', async () => {
      const other = await adminLogin(t);
      const change = (body: object, auth = admin) => t.http().put('/api/admin/auth/password').set(auth).send(body);
      await change({ currentPassword: 'torchred-admin', newPassword: strong }, member).expect(403);
      const wrong = await change({ currentPassword: 'not-it', newPassword: strong }).expect(400);
      expect(wrong.body.message).toBe('当前密码不正确');
      for (const weak of ['aaaaaaaaaaaaaaaa', '1234567890123456', 'password password', 'Short-1!', 'abcdefghijklmnop', 'Password123!']) {
        const res = await change({ currentPassword: 'torchred-admin', newPassword: weak }).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const changed = await change({ currentPassword: 'torchred-admin', newPassword: strong }).expect(200);
      const fresh = bearer(changed.body.accessToken as string);
      await t.http().get('/api/admin/users').set(fresh).expect(200);
      expect((await t.http().get('/api/admin/users').set(other).expect(401)).body.code).toBe('SESSION_REVOKED');
      await t.http().post('/api/admin/auth/login').set(fromIp('192.0.2.50')).send({ username: 'admin', password: 'torchred-admin' }).expect(401);
      await t.http().post('/api/admin/auth/login').set(fromIp('192.0.2.50')).send({ username: 'admin', password: strong }).expect(200);
      const audit = (await t.http().get('/api/admin/audit-logs?entityType=admin-account').set(fresh).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items.map((i) => i.action)).toContain('auth.password-change');
      expect(JSON.stringify(audit.items)).not.toContain(strong);
    });
  });
});

describe('19 and 21: production configuration', () => {
  const strong = {
    NODE_ENV: 'production',
    DATA_DIR: '/tmp/torch-red-prod-policy-test',
    JWT_SECRET: 'q8J3vX0pL2mN7rT5wY9zB4cF6hK1sD0a',
    DATA_KEY: '3f9c1a7be24d608e5b13c9fa72d4e06b8a5c31f7d29e4b60c8a17f3e95d2b04c',
    ADMIN_USERNAME: 'root-admin',
    ADMIN_PASSWORD: 'Torch-Red-2026-Strong!',
  };

  it('accepts random secrets and a strong password', () => {
    const config = loadConfig(strong);
    expect(config.apiDocs).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ ...strong, API_DOCS: '1' }).apiDocs).toBe(true);
  });

  it.each([
    ['JWT_SECRET', 'aaaaaaaaaaaaaaaa'],
    ['JWT_SECRET', '1234567890123456'],
    ['JWT_SECRET', 'abcdefghijklmnopqrstuvwxyz'],
    ['DATA_KEY', '0'.repeat(64)],
    ['DATA_KEY', 'a'.repeat(64)],
    ['DATA_KEY', '0123456789abcdef'.repeat(4)],
    ['ADMIN_PASSWORD', 'aaaaaaaaaaaaaaaa'],
    ['ADMIN_PASSWORD', '1234567890123456'],
    ['ADMIN_PASSWORD', 'password password'],
    ['ADMIN_PASSWORD', 'torchred-admin'],
    ['ADMIN_PASSWORD', 'Short-1!'],
    ['ADMIN_PASSWORD', 'onlylowercaseletters'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ ...strong, [name]: value })).toThrow(new RegExp(name));
  });

  it('refuses SEED_DEMO=1 in production with a clear message', () => {
    expect(() => loadConfig({ ...strong, SEED_DEMO: '1' })).toThrow(/SEED_DEMO=1 is refused in production/);
  });
});
