import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, MeResponse } from '@torch-red/shared';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { adminLogin, devLogin } from './factories/auth.factory';
import { FakeWechatServer } from './support/fake-wechat';
import { createWorld } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

describe.each(DATABASES)('auth on %s', (db) => {
  let t: TestApp;
  const wechat = new FakeWechatServer();

  beforeAll(async () => {
    const base = await wechat.start();
    t = await startTestApp(db, { WECHAT_API_BASE: base, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret });
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  describe('wechat-login', () => {
    it('exchanges a code for a token and creates the person once', async () => {
      const first = await t.http().post('/api/auth/wechat-login').send({ code: 'ok-wx-openid-1' }).expect(200);
      const body = first.body as LoginResponse;
      expect(body.accessToken).toEqual(expect.any(String));
      expect(body.user.name).toBe('微信用户');
      expect(JSON.stringify(body)).not.toContain('SECRET-SESSION-KEY');
      const call = wechat.requests.find((r) => r.query.js_code === 'ok-wx-openid-1');
      expect(call).toMatchObject({ path: '/sns/jscode2session', query: { appid: wechat.appId, secret: wechat.secret, grant_type: 'authorization_code' } });

      const again = await t.http().post('/api/auth/wechat-login').send({ code: 'ok-wx-openid-1b' }).expect(200);
      expect((again.body as LoginResponse).user.id).not.toBe(body.user.id);
      const same = await t.http().post('/api/auth/wechat-login').send({ code: 'old-wx-openid-1' }).expect(200);
      expect((same.body as LoginResponse).user.id).toBe(body.user.id);
    });

    it('rejects a code used twice as invalid', async () => {
      await t.http().post('/api/auth/wechat-login').send({ code: 'ok-twice' }).expect(200);
      const res = await t.http().post('/api/auth/wechat-login').send({ code: 'ok-twice' }).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'WECHAT_CODE_INVALID' });
    });

    it.each([
      ['err-40029', 401, 'WECHAT_CODE_INVALID'],
      ['err-45011', 429, 'WECHAT_RATE_LIMITED'],
      ['err-40226', 403, 'WECHAT_USER_BLOCKED'],
      ['err--1', 503, 'WECHAT_UNAVAILABLE'],
      ['err-41008', 503, 'WECHAT_UNAVAILABLE'],
      ['http-500', 503, 'WECHAT_UNAVAILABLE'],
      ['garbage', 401, 'WECHAT_CODE_INVALID'],
    ])('maps WeChat answer %s to %i %s', async (code, status, errorCode) => {
      const res = await t.http().post('/api/auth/wechat-login').send({ code }).expect(status);
      expect(res.body).toMatchObject({ statusCode: status, code: errorCode, message: expect.any(String) });
      expect(res.body.stack).toBeUndefined();
    });

    it('validates the body', async () => {
      const res = await t.http().post('/api/auth/wechat-login').send({}).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      await t.http().post('/api/auth/wechat-login').send({ code: 'x'.repeat(500) }).expect(400);
      await t.http().post('/api/auth/wechat-login').send({ code: 'ok-a', extra: 1 }).expect(400);
    });
  });

  describe('dev-login and /api/me', () => {
    it('signs in as a seeded person and shows their org, enterprise and masked phone', async () => {
      const { auth, user } = await devLogin(t, 'demo-member-zhangwei');
      expect(user).toMatchObject({ name: '张伟', orgName: '明阳风电第一党支部', enterpriseName: '明阳风电', phone: '138****0001' });
      const me = (await t.http().get('/api/me').set(auth).expect(200)).body as MeResponse;
      expect(me).toMatchObject({ id: user.id, name: '张伟', roles: [{ role: 'MEMBER' }], politicalStatus: 'FULL_MEMBER' });
    });

    it('creates a new person for an unknown openid, with the given name', async () => {
      const { user } = await devLogin(t, 'h5-newcomer-1', '新同事');
      expect(user.name).toBe('新同事');
      expect(user.roles).toEqual([{ role: 'MEMBER' }]);
      const again = await devLogin(t, 'h5-newcomer-1');
      expect(again.user.id).toBe(user.id);
    });

    it('reports a secretary with their scoped role', async () => {
      const world = await createWorld(t);
      const { user } = await devLogin(t, world.secretary.openid);
      expect(user.orgId).toBe(world.branch.id);
      expect(user.roles).toEqual(expect.arrayContaining([{ role: 'MEMBER' }, { role: 'SECRETARY', orgId: user.orgId }]));
    });

    it('lists the demo people for the H5 sign-in page', async () => {
      const res = await t.http().get('/api/auth/demo-people').expect(200);
      const openids = (res.body as Array<{ openid: string }>).map((p) => p.openid);
      expect(openids).toEqual(expect.arrayContaining(['demo-member-zhangwei', 'demo-secretary-liuyang', 'demo-entrepreneur-wangjun']));
    });

    it('refuses missing, malformed, forged and expired tokens', async () => {
      expect((await t.http().get('/api/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await t.http().get('/api/me').set({ Authorization: 'Bearer nonsense' }).expect(401)).body.code).toBe('TOKEN_INVALID');
      const forged = new JwtService().sign({ sub: '1', kind: 'user' }, { secret: 'not-the-real-secret-at-all' });
      expect((await t.http().get('/api/me').set({ Authorization: `Bearer ${forged}` }).expect(401)).body.code).toBe('TOKEN_INVALID');
    });

    it('refuses an expired token with TOKEN_EXPIRED', async () => {
      const { user } = await devLogin(t, 'expired-token-person', '过期令牌');
      const secret = t.app.get<AppConfig>(APP_CONFIG).jwt.secret;
      const expired = new JwtService().sign({ sub: user.id, kind: 'user', exp: Math.floor(Date.now() / 1000) - 10 }, { secret });
      const res = await t.http().get('/api/me').set({ Authorization: `Bearer ${expired}` }).expect(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });
  });

  describe('admin login', () => {
    it('signs in the first admin created from the configuration', async () => {
      const auth = await adminLogin(t);
      const me = (await t.http().get('/api/me').set(auth).expect(200)).body as MeResponse;
      expect(me.roles).toEqual(expect.arrayContaining([{ role: 'ADMIN' }]));
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      const wrong = await t.http().post('/api/admin/auth/login').send({ username: 'admin', password: 'nope' }).expect(401);
      const unknown = await t.http().post('/api/admin/auth/login').send({ username: 'ghost', password: 'nope' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('stores the password hashed', async () => {
      const rows: Array<{ passwordHash: string }> = await t.dataSource.query('SELECT passwordHash FROM admin_accounts');
      expect(rows[0].passwordHash).toMatch(/^\$2[aby]\$/);
      expect(rows[0].passwordHash).not.toContain('torchred-admin');
    });
  });
});
