import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { call, freePort, waitHealthy } from './support/server-process';
import { DATABASES } from './support/test-app';
import { activityBody } from './factories/activity.factory';
import { createWorld, processClient, tokenOf, type World } from './factories/world.factory';

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const MAIN = join(__dirname, '..', 'dist', 'main.js');

const runMysql = DATABASES.includes('mysql') && existsSync(MAIN);

/** Two real server processes (node dist/main.js) behind "a load balancer" on one MariaDB database. */
(runMysql ? describe : describe.skip)('two server processes on one MySQL', () => {
  const dbName = `tr_mp_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-mp-'));
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  // Made through the first process's admin API, so no test below depends on the demo seed's people.
  let world: World;

  beforeAll(async () => {
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: `${MYSQL_BASE}/${dbName}`,
      DATA_DIR: dir,
      JWT_SECRET: 'multi-process-test-secret-0123456789',
      DATA_KEY: 'ab'.repeat(32),
      SEED_DEMO: '1',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      H5_DIR: join(dir, 'none'),
    };
    // Both start at the same moment: migrations take turns under a lock, the seed runs once.
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      children.push(spawn(process.execPath, [MAIN], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] }));
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(bases.map((b, i) => waitHealthy(b, children[i])));
    world = await createWorld(processClient(bases[0]));
  }, 90000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds once although both processes started together', async () => {
    const conn = await createConnection(`${MYSQL_BASE}/${dbName}`);
    const [rows] = await conn.query("SELECT COUNT(*) AS n FROM orgs WHERE type = 'WORKING_COMMITTEE'");
    const [admins] = await conn.query('SELECT COUNT(*) AS n FROM admin_accounts');
    await conn.end();
    expect(Number((rows as Array<{ n: number }>)[0].n)).toBe(1);
    expect(Number((admins as Array<{ n: number }>)[0].n)).toBe(1);
  });

  it('keeps 10 seats exact under 200 sign-ups split across both processes, and promotes in order', async () => {
    const secretary = tokenOf(world.secretary.auth);
    const me = (await call(bases[1], 'GET', '/api/me', secretary)).body;
    expect(me.orgId).toBe(world.branch.id);
    const created = await call(bases[1], 'POST', '/api/activities', secretary, activityBody(me.orgId, { title: '跨进程报名测试', capacity: 10, waitlist: true, formFields: [] }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call(bases[0], 'POST', `/api/activities/${id}/publish`, secretary)).status).toBe(200);

    const tokens: string[] = [];
    for (let i = 0; i < 200; i++) {
      tokens.push((await call(bases[i % 2], 'POST', '/api/auth/dev-login', undefined, { openid: `mp-user-${i}` })).body.accessToken);
    }
    const results = await Promise.all(tokens.map((token, i) => call(bases[i % 2], 'POST', `/api/activities/${id}/registrations`, token, { answers: {} })));
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    expect(results.filter((r) => r.body.status === 'CONFIRMED')).toHaveLength(10);
    expect(results.filter((r) => r.body.status === 'WAITLISTED')).toHaveLength(190);

    const list = (await call(bases[0], 'GET', `/api/activities/${id}/registrations`, secretary)).body as Array<{ userId: string; status: string; waitlistPosition: number | null }>;
    const head = list.filter((r) => r.status === 'WAITLISTED').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!).slice(0, 4);
    const confirmedIdx = results.map((r, i) => (r.body.status === 'CONFIRMED' ? i : -1)).filter((i) => i >= 0).slice(0, 4);
    const cancels = await Promise.all(confirmedIdx.map((i, k) => call(bases[k % 2], 'DELETE', `/api/activities/${id}/registrations/me`, tokens[i])));
    expect(cancels.map((c) => c.status)).toEqual([200, 200, 200, 200]);

    const after = (await call(bases[1], 'GET', `/api/activities/${id}/registrations`, secretary)).body as Array<{ userId: string; status: string }>;
    const confirmed = after.filter((r) => r.status === 'CONFIRMED').map((r) => r.userId);
    expect(confirmed).toHaveLength(10);
    expect(head.every((h) => confirmed.includes(h.userId))).toBe(true);
    const detail = (await call(bases[0], 'GET', `/api/activities/${id}`, secretary)).body;
    expect(detail).toMatchObject({ confirmedCount: 10, waitlistCount: 186 });
  }, 120000);
  it('sees an organisation made on the other process on the very next request (the org tree counter lives in the database)', async () => {
    const committee = tokenOf(world.committee.auth);
    const admin = tokenOf(world.admin);
    // The second process has built and kept its org tree snapshot while answering the committee staff.
    expect((await call(bases[1], 'GET', `/api/workspace/orgs/${world.branch.id}/roster`, committee)).status).toBe(200);
    const created = await call(bases[0], 'POST', '/api/admin/orgs', admin, {
      name: `${world.tag}新建党支部`, type: 'BRANCH', parentId: Number(world.committeeOrg.id), enterpriseId: Number(world.enterprise.id),
    });
    expect(created.status).toBe(201);
    // On the chain the committee staff lead, so theirs at once on the other process; a stale snapshot would say 404.
    expect((await call(bases[1], 'GET', `/api/workspace/orgs/${created.body.id as string}/roster`, committee)).status).toBe(200);
    expect((await call(bases[1], 'GET', `/api/workspace/orgs/${created.body.id as string}/roster`, tokenOf(world.otherSecretary.auth))).status).toBe(404);
  });

  it('refuses a person marked as left on the other process at once (the session generation lives in the database)', async () => {
    const secretary = tokenOf(world.secretary.auth);
    // The member signs in on the second process (the world's own sign-in was on the first).
    const member = (await call(bases[1], 'POST', '/api/auth/dev-login', undefined, { openid: world.member.openid })).body;
    const token = member.accessToken as string;
    expect(member.user.id).toBe(world.member.id);
    // Both processes have served the member's token (each may cache what it can).
    expect((await call(bases[0], 'GET', '/api/me', token)).status).toBe(200);
    expect((await call(bases[1], 'GET', '/api/me', token)).status).toBe(200);
    const left = await call(bases[0], 'POST', `/api/workspace/roster/${member.user.id as string}/leave`, secretary, { reason: '转出' });
    expect(left.status).toBe(201);
    const refused = await call(bases[1], 'GET', '/api/me', token);
    expect([refused.status, refused.body.code]).toEqual([401, 'SESSION_REVOKED']);
  });
});
