#!/usr/bin/env node
// Measures a sign-up burst the minute an activity opens: N people sign up at once for C seats.
// Runs the built server (node server/dist/main.js) on embedded SQLite (one process) and on MariaDB
// (two processes behind a round-robin client, as behind a load balancer), then prints latency
// percentiles and throughput and checks the outcome is exact (C confirmed, N - C waitlisted).
//
//   node scripts/bench/signup-burst.mjs [--n 500] [--capacity 50] [--db sqlite,mysql]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'server', 'package.json'));
const mysql = require('mysql2/promise');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const N = Number(args.n ?? 500);
const CAPACITY = Number(args.capacity ?? 50);
const DBS = (args.db ?? 'sqlite,mysql').split(',');
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function call(base, method, path, token, body) {
  const res = await fetch(base + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function start(env, processes) {
  const children = [];
  const bases = [];
  for (let i = 0; i < processes; i++) {
    const port = await freePort();
    children.push(spawn(process.execPath, [join(root, 'server/dist/main.js')], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] }));
    bases.push(`http://127.0.0.1:${port}`);
  }
  for (const base of bases) {
    for (let i = 0; ; i++) {
      try { if ((await fetch(base + '/api/health')).ok) break; } catch { /* starting */ }
      if (i > 200) throw new Error(`${base} did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { bases, stop: () => children.forEach((c) => c.kill('SIGTERM')) };
}

async function run(db) {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-bench-'));
  const env = { NODE_ENV: 'development', DATA_DIR: dir, LOG_LEVEL: 'error', JWT_SECRET: 'bench-secret-0123456789abcdef', DATA_KEY: 'cd'.repeat(32), LOGIN_RATE_LIMIT_PER_MINUTE: '100000', H5_DIR: join(dir, 'none') };
  let dbName;
  if (db === 'mysql') {
    dbName = `tr_bench_${process.pid}`;
    const c = await mysql.createConnection(`${MYSQL}/test`);
    await c.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    env.DATABASE_URL = `${MYSQL}/${dbName}`;
  } else {
    env.SQLITE_PATH = join(dir, 'bench.sqlite');
    env.DATABASE_URL = '';
  }
  const { bases, stop } = await start(env, db === 'mysql' ? 2 : 1);
  try {
    const secretary = (await call(bases[0], 'POST', '/api/auth/dev-login', null, { openid: 'demo-secretary-liuyang' })).body.accessToken;
    const me = (await call(bases[0], 'GET', '/api/me', secretary)).body;
    const t = Date.now();
    const activity = (await call(bases[0], 'POST', '/api/activities', secretary, {
      orgId: me.orgId, title: '压测活动', type: 'OTHER', description: '', location: '线上',
      startAt: new Date(t + 48 * 3600e3).toISOString(), endAt: new Date(t + 49 * 3600e3).toISOString(), signupEndAt: new Date(t + 24 * 3600e3).toISOString(),
      capacity: CAPACITY, waitlist: true, requiresApproval: false, formFields: [{ key: 'company', label: '单位', type: 'text', required: true }],
    })).body;
    await call(bases[0], 'POST', `/api/activities/${activity.id}/publish`, secretary);
    const tokens = [];
    for (let i = 0; i < N; i++) tokens.push((await call(bases[i % bases.length], 'POST', '/api/auth/dev-login', null, { openid: `bench-${i}` })).body.accessToken);

    const latencies = [];
    const started = performance.now();
    const results = await Promise.all(tokens.map(async (token, i) => {
      const t0 = performance.now();
      const r = await call(bases[i % bases.length], 'POST', `/api/activities/${activity.id}/registrations`, token, { answers: { company: `单位${i}` } });
      latencies.push(performance.now() - t0);
      return r;
    }));
    const wall = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const confirmed = results.filter((r) => r.body?.status === 'CONFIRMED').length;
    const waitlisted = results.filter((r) => r.body?.status === 'WAITLISTED').length;
    const errors = results.filter((r) => r.status !== 201).length;
    const detail = (await call(bases[0], 'GET', `/api/activities/${activity.id}`, secretary)).body;
    const exact = confirmed === CAPACITY && waitlisted === N - CAPACITY && errors === 0 && detail.confirmedCount === CAPACITY && detail.waitlistCount === N - CAPACITY;
    return {
      db: db === 'mysql' ? 'MariaDB, 2 processes' : 'SQLite, 1 process',
      requests: N,
      'p50 ms': latencies[Math.floor(N / 2)].toFixed(1),
      'p95 ms': pct(latencies, 95).toFixed(1),
      'p99 ms': pct(latencies, 99).toFixed(1),
      'req/s': (N / (wall / 1000)).toFixed(0),
      confirmed,
      waitlisted,
      errors,
      exact: exact ? 'yes' : 'NO',
    };
  } finally {
    stop();
    if (dbName) {
      const c = await mysql.createConnection(`${MYSQL}/test`);
      await c.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const db of DBS) rows.push(await run(db));
console.log(`\nSign-up burst: ${N} people at once for ${CAPACITY} seats (waitlist on)`);
console.table(rows);
if (rows.some((r) => r.exact !== 'yes')) process.exit(1);
