import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { devLogin } from './factories/auth.factory';
import { TcpProxy } from './support/tcp-proxy';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASES)('operations on %s', (db) => {
  it('answers liveness without the database, and 503 DB_UNAVAILABLE (not 500) once the connection is gone', async () => {
    const t = await startTestApp(db);
    try {
      const { auth } = await devLogin(t, 'ops-liveness');
      await t.http().get('/api/me').set(auth).expect(200);
      await t.app.get<DataSource>(getDataSourceToken()).destroy();
      const me = await t.http().get('/api/me').set(auth).expect(503);
      expect(me.body).toEqual({ statusCode: 503, code: 'DB_UNAVAILABLE', message: expect.any(String) });
      await t.http().get('/api/health').expect(503);
      const live = await t.http().get('/api/health/live').expect(200);
      expect(live.body).toEqual({ status: 'ok' });
      expect(live.headers['cache-control']).toBe('no-store');
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});

(DATABASES.includes('mysql') ? describe : describe.skip)('operations on mysql: busy is not down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('mysql');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps /api/health up while every pooled connection is busy', async () => {
    // More slow queries than the pool has connections: requests now wait for a connection.
    const busy = Array.from({ length: 22 }, () => t.dataSource.query('SELECT SLEEP(3)'));
    await sleep(300);
    const queuedAt = Date.now();
    const queued = t.dataSource.query('SELECT 1').then(() => Date.now() - queuedAt);
    const started = Date.now();
    const res = await t.http().get('/api/health');
    const took = Date.now() - started;
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });
    expect(took).toBeLessThan(1500);
    // The pool really was saturated: an ordinary query had to wait for the sleepers.
    expect(await queued).toBeGreaterThan(2000);
    await Promise.all(busy);
  });
});

/** A server (in this process) whose MySQL sits behind a TCP proxy the test can stop and freeze. */
(DATABASES.includes('mysql') ? describe : describe.skip)('operations on mysql: outage and freeze', () => {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-ops-'));
  const dbName = `tr_ops_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let http: () => supertest.Agent;

  beforeAll(async () => {
    const base = new URL(MYSQL_BASE);
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    proxy = await TcpProxy.start({ host: base.hostname, port: Number(base.port || 3306) });
    const proxied = new URL(MYSQL_BASE);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dir,
      SEED_DEMO: '0',
      H5_DIR: join(dir, 'no-h5'),
      DATABASE_URL: `${proxied.toString().replace(/\/$/, '')}/${dbName}`,
      DB_QUERY_TIMEOUT_MS: '1500',
      ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
    });
    app = await createApp(config);
    const server = app.getHttpAdapter().getInstance().server;
    http = () => supertest.agent(server);
  });

  afterAll(async () => {
    proxy?.thaw();
    await proxy?.listen().catch(() => undefined);
    await app?.close();
    await proxy?.stop();
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (): Promise<{ Authorization: string }> => {
    const res = await http().post('/api/auth/dev-login').send({ openid: 'ops-outage' }).expect(200);
    return { Authorization: `Bearer ${(res.body as { accessToken: string }).accessToken}` };
  };
  const recovers = async (auth: { Authorization: string }): Promise<number> => {
    const started = Date.now();
    while (Date.now() - started < 15000) {
      if ((await http().get('/api/me').set(auth)).status === 200) return Date.now() - started;
      await sleep(100);
    }
    throw new Error('did not recover within 15 s');
  };

  it('answers 503 DB_UNAVAILABLE while the database is down, and serves again when it is back', async () => {
    const auth = await login();
    await http().get('/api/me').set(auth).expect(200);
    await proxy.stop();

    const me = await http().get('/api/me').set(auth);
    expect({ status: me.status, body: me.body }).toEqual({ status: 503, body: { statusCode: 503, code: 'DB_UNAVAILABLE', message: expect.any(String) } });
    const health = await http().get('/api/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 503, body: { status: 'error', db: 'down' } });
    await http().get('/api/health/live').expect(200);

    await proxy.listen();
    expect(await recovers(auth)).toBeLessThan(10000);
    await http().get('/api/health').expect(200);
  });

  it('gives up on a frozen database after the query timeout instead of holding the request', async () => {
    const auth = await login();
    await http().get('/api/me').set(auth).expect(200);
    proxy.freeze();
    try {
      const started = Date.now();
      const me = await http().get('/api/me').set(auth);
      const took = Date.now() - started;
      expect({ status: me.status, code: (me.body as { code?: string }).code }).toEqual({ status: 503, code: 'DB_UNAVAILABLE' });
      expect(took).toBeGreaterThanOrEqual(1400);
      expect(took).toBeLessThan(12000);
      const health = await http().get('/api/health');
      expect(health.status).toBe(503);
    } finally {
      proxy.thaw();
    }
    expect(await recovers(auth)).toBeLessThan(10000);
  });
});
