import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { FakeWechatServer } from './support/fake-wechat';
import { call, freePort, waitHealthy } from './support/server-process';
import { DATABASES } from './support/test-app';
import { activityBody } from './factories/activity.factory';
import { createWorld, processClient, tokenOf } from './factories/world.factory';

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const MAIN = join(__dirname, '..', 'dist', 'main.js');
const SEND_DELAY_MS = 3000;
const LEASE_TTL_MS = 3000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid inside a holder or claim id: `<host>:<pid>:<random>[#<n>]`. */
const pidOf = (id: string): string => id.split(':')[1];

const runMysql = DATABASES.includes('mysql') && existsSync(MAIN);

/**
 * Issue 9 items 2 and 3 with real processes: two `node dist/main.js` on one MariaDB database, the
 * scheduler on, WeChat answering each subscribe message after 3 s, short job intervals and leases.
 */
(runMysql ? describe : describe.skip)('outbox and job leases across two server processes', () => {
  const dbName = `tr_outbox_mp_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-outbox-mp-'));
  // One fake WeChat per process, so the test knows which process sent what, and when it arrived.
  const wechats = [new FakeWechatServer(), new FakeWechatServer()];
  const arrivals: Array<{ proc: number; at: number }> = [];
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  let db: Connection;
  let secretary: string;
  let orgId: string;
  let seq = 0;

  /** Pairs of sends from different processes that arrived at WeChat closer together than one send takes. */
  const overlappingSends = (since: number): Array<{ a: number; b: number }> => {
    const recent = arrivals.filter((x) => x.at >= since);
    const pairs: Array<{ a: number; b: number }> = [];
    for (const x of recent.filter((r) => r.proc === 0)) {
      for (const y of recent.filter((r) => r.proc === 1)) if (Math.abs(x.at - y.at) < SEND_DELAY_MS - 500) pairs.push({ a: x.at - since, b: y.at - since });
    }
    return pairs;
  };

  /** `n` people with a WeChat identity sign up at once, through both processes, for a new activity. */
  const signUps = async (n: number): Promise<Array<{ openid: string; userId: number }>> => {
    const created = await call(bases[0], 'POST', '/api/activities', secretary, activityBody(orgId, { title: '慢速微信测试', capacity: 100, waitlist: false, formFields: [] }));
    expect(created.status).toBe(201);
    expect((await call(bases[1], 'POST', `/api/activities/${created.body.id}/publish`, secretary)).status).toBe(200);
    const people: Array<{ openid: string; userId: number; token: string }> = [];
    for (let i = 0; i < n; i++) {
      const openid = `outbox-mp-${++seq}`;
      const login = await call(bases[i % 2], 'POST', '/api/auth/wechat-login', undefined, { code: `ok-${openid}` });
      expect(login.status).toBe(200);
      people.push({ openid, userId: Number(login.body.user.id), token: login.body.accessToken });
    }
    const results = await Promise.all(people.map((p, i) => call(bases[i % 2], 'POST', `/api/activities/${created.body.id}/registrations`, p.token, { answers: {} })));
    expect(results.map((r) => r.status)).toEqual(people.map(() => 201));
    return people;
  };
  const deliveries = (openid: string) => wechats.reduce((n, w) => n + w.sent.filter((m) => m.touser === openid).length, 0);
  const unfinished = async (userIds: number[]): Promise<number> => {
    const [rows] = await db.query("SELECT COUNT(*) AS n FROM notification_outbox WHERE userId IN (?) AND status IN ('PENDING', 'SENDING')", [userIds]);
    return Number((rows as Array<{ n: number }>)[0].n);
  };
  const statuses = async (userIds: number[]): Promise<string[]> => {
    const [rows] = await db.query('SELECT status FROM notification_outbox WHERE userId IN (?) ORDER BY id', [userIds]);
    return (rows as Array<{ status: string }>).map((r) => r.status);
  };
  const waitUntil = async (what: string, ok: () => Promise<boolean>, ms: number): Promise<void> => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await ok()) return;
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    const wechatBases: string[] = [];
    for (const [proc, wechat] of wechats.entries()) {
      wechat.sendDelayMs = SEND_DELAY_MS;
      wechatBases.push(await wechat.start());
      const push = wechat.sent.push.bind(wechat.sent);
      wechat.sent.push = (...messages) => {
        arrivals.push({ proc, at: Date.now() });
        return push(...messages);
      };
    }
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: `${MYSQL_BASE}/${dbName}`,
      DATA_DIR: dir,
      JWT_SECRET: 'outbox-multi-process-test-secret-0123456789',
      DATA_KEY: 'cd'.repeat(32),
      SEED_DEMO: '1',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      H5_DIR: join(dir, 'none'),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      SCHEDULER: '1',
      WECHAT_APPID: wechats[0].appId,
      WECHAT_SECRET: wechats[0].secret,
      WECHAT_TEMPLATE_ACTIVITY_RESULT: 'tmpl-result',
      OUTBOX_INTERVAL_MS: '1000',
      OUTBOX_CONCURRENCY: '8',
      JOB_LEASE_TTL_MS: String(LEASE_TTL_MS),
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      children.push(spawn(process.execPath, [MAIN], { env: { ...env, PORT: String(port), WECHAT_API_BASE: wechatBases[i] }, stdio: ['ignore', 'ignore', 'inherit'] }));
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(bases.map((b, i) => waitHealthy(b, children[i])));
    db = await createConnection(`${MYSQL_BASE}/${dbName}`);
    // A world of its own, made through the first process's admin API: the secretary of its branch creates the activities.
    const world = await createWorld(processClient(bases[0]));
    secretary = tokenOf(world.secretary.auth);
    orgId = (await call(bases[1], 'GET', '/api/me', secretary)).body.orgId;
    expect(orgId).toBe(world.branch.id);
  }, 90000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await db?.end();
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
    await Promise.all(wechats.map((w) => w.stop()));
    rmSync(dir, { recursive: true, force: true });
  }, 60000);

  it('40 sign-ups, WeChat answering in 3 s: everyone gets exactly one message, and only the lease holder sends', async () => {
    const since = Date.now();
    const people = await signUps(40);
    const ids = people.map((p) => p.userId);
    // 40 sends of 3 s, 8 at a time: one run of the outbox job lasts about five lease lengths.
    await waitUntil('every message to go out', async () => (await unfinished(ids)) === 0, 120000);
    await sleep(1500);

    expect(people.filter((p) => deliveries(p.openid) !== 1).map((p) => ({ openid: p.openid, deliveries: deliveries(p.openid) }))).toEqual([]);
    expect(await statuses(ids)).toEqual(people.map(() => 'SENT'));
    // The job's run outlasts its lease many times; renewed, the lease keeps the other process out.
    expect(overlappingSends(since)).toEqual([]);
  }, 180000);

  it('SIGTERM of the process running the outbox: it finishes its sends and releases its leases, the other takes over at once', async () => {
    const since = Date.now();
    const people = await signUps(16);
    const ids = people.map((p) => p.userId);
    await waitUntil('a send in flight', async () => arrivals.some((a) => a.at >= since), 20000);
    const holder = arrivals.find((a) => a.at >= since)!.proc;
    const victim = children[holder];
    const survivor = children[1 - holder];
    const holderPid = String(victim.pid);

    const exited = new Promise((r) => victim.once('exit', r));
    const stopAt = Date.now();
    victim.kill('SIGTERM');
    await exited;
    // The stopped process waited for its sends in flight (3 s each), then deleted every lease it held.
    const [held] = await db.query('SELECT name FROM job_leases WHERE holder LIKE ?', [`%:${holderPid}:%`]);
    expect(held).toEqual([]);
    const [left] = await db.query("SELECT COUNT(*) AS n FROM notification_outbox WHERE status = 'SENDING' AND lockedBy LIKE ?", [`%:${holderPid}:%`]);
    expect(Number((left as Array<{ n: number }>)[0].n)).toBe(0);

    await waitUntil('the other process to take over', async () => arrivals.some((a) => a.proc === 1 - holder && a.at >= stopAt), 30000);
    // Before the fix the survivor waited for the lease to run out (30 s for the outbox).
    expect(Date.now() - stopAt).toBeLessThan(SEND_DELAY_MS + 5000);

    await waitUntil('every message to go out', async () => (await unfinished(ids)) === 0, 90000);
    await sleep(1000);
    expect(people.filter((p) => deliveries(p.openid) !== 1).map((p) => ({ openid: p.openid, deliveries: deliveries(p.openid) }))).toEqual([]);
    expect(await statuses(ids)).toEqual(people.map(() => 'SENT'));
    // The reminder and need-deadline jobs move over too.
    await waitUntil(
      'every job lease to be held by the survivor or free',
      async () => {
        const [rows] = await db.query('SELECT holder FROM job_leases');
        return (rows as Array<{ holder: string }>).every((r) => pidOf(r.holder) === String(survivor.pid));
      },
      5000,
    );
  }, 180000);
});
