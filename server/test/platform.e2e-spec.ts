import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ACCESS_KEY } from '../src/common/auth/access.decorator';
import { loadConfig } from '../src/config/app-config';
import { DemoSeedService } from '../src/modules/seed/demo-seed.service';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

describe.each(DATABASES)('platform on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports health with the database up', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers unknown routes and bad JSON with the error shape, never a stack', async () => {
    const unknown = await t.http().get('/api/no-such-thing').expect(404);
    expect(unknown.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: expect.any(String) });
    const bad = await t.http().post('/api/auth/dev-login').set('content-type', 'application/json').send('{"openid": ').expect(400);
    expect(bad.body).toEqual({ statusCode: 400, code: 'BAD_JSON', message: expect.any(String) });
    const big = await t.http().post('/api/auth/dev-login').send({ openid: 'x', name: 'y'.repeat(2 * 1024 * 1024) }).expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const badId = await t.http().get('/api/admin/orgs/abc').expect(401);
    expect(badId.body.stack).toBeUndefined();
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths as Record<string, unknown>);
    expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/auth/wechat-login', '/api/me', '/api/orgs/tree', '/api/chains', '/api/admin/users/{userId}/roles']));
    await t.http().get('/api/docs').expect(200);
  });

  it('declares who may call every route', () => {
    const undeclared: string[] = [];
    for (const moduleRef of t.app.get(ModulesContainer).values()) {
      for (const wrapper of moduleRef.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
        if (!controller) continue;
        const classRule = Reflect.getMetadata(ACCESS_KEY, controller);
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
          if (!classRule && !Reflect.getMetadata(ACCESS_KEY, handler)) {
            undeclared.push(`${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler))})`);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('seeds once: a second start changes nothing', async () => {
    const count = async () => (await t.dataSource.query('SELECT COUNT(*) AS n FROM orgs'))[0].n as number | string;
    const before = Number(await count());
    await expect(t.app.get(DemoSeedService).seedIfEmpty()).resolves.toBe(false);
    expect(Number(await count())).toBe(before);
    expect(before).toBeGreaterThanOrEqual(30);
  });

  it('keeps phone numbers encrypted at rest', async () => {
    const rows: Array<{ phoneEnc: string | null }> = await t.dataSource.query("SELECT phoneEnc FROM users WHERE openid = 'demo-member-zhangwei'");
    expect(rows[0].phoneEnc).toMatch(/^v1:/);
    expect(rows[0].phoneEnc).not.toContain('13800000001');
  });

  it('answers 503 when the database is down', async () => {
    const other = await startTestApp(db);
    try {
      await other.app.get(getDataSourceToken()).destroy();
      const res = await other.http().get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'error', db: 'down' });
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});

describe('production configuration', () => {
  const strong = { JWT_SECRET: 'a-very-long-random-jwt-secret-value', DATA_KEY: '3f9c1a7be24d608e5b13c9fa72d4e06b8a5c31f7d29e4b60c8a17f3e95d2b04c', ADMIN_USERNAME: 'root-admin', ADMIN_PASSWORD: 'a-strong-admin-password-123' };

  it('refuses placeholder secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong, JWT_SECRET: 'changeme' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong, ADMIN_PASSWORD: 'torchred-admin' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong, DATA_KEY: 'short' })).toThrow(/DATA_KEY/);
  });

  it('never enables dev login or demo seeding by default in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...strong, DEV_LOGIN: '1', DATA_DIR: '/tmp/torch-red-prod-test' });
    expect(config.devLogin).toBe(false);
    expect(config.seedDemo).toBe(false);
  });

  it('rejects malformed settings', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: '/tmp/torch-red-cfg-test' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x', DATA_DIR: '/tmp/torch-red-cfg-test' })).toThrow(/DATABASE_URL/);
  });

  it('hides dev login behind a 404 when it is off', async () => {
    const t = await startTestApp('sqlite', { DEV_LOGIN: '0' });
    try {
      const res = await t.http().post('/api/auth/dev-login').send({ openid: 'demo-member-zhangwei' }).expect(404);
      expect(res.body.code).toBe('ROUTE_NOT_FOUND');
      await t.http().get('/api/auth/demo-people').expect(404);
    } finally {
      await t.close();
    }
  });
});
