#!/usr/bin/env node
// Study at scale: seeds 100k members and 1M points-ledger lines (with their aggregates) into a fresh
// MariaDB database and a SQLite file, starts the built server on each, and prints p50/p99 latency of
// the leaderboard (top-50 + my rank), my points today and the lesson list, plus the raw SQL behind
// top-50 and my rank. Run by hand after building:
//   pnpm --filter @torch-red/shared build && pnpm --filter @torch-red/server build
//   node scripts/bench/study-scale.mjs            (BENCH_DATABASES=sqlite,mysql  BENCH_MEMBERS=100000  BENCH_REQUESTS=200)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireServer = createRequire(join(ROOT, 'server', 'package.json'));
const mysql = requireServer('mysql2/promise');
const Database = requireServer('better-sqlite3');

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100000);
const LINES_PER_MEMBER = 10; // 5 days x (reading + study time) = 1M lines at 100k members
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mysql').split(',').map((s) => s.trim());
const MYSQL_BASE = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const MYSQL_DB = 'tr_bench_study';
const MAIN = join(ROOT, 'server', 'dist', 'main.js');

const CHINA = 8 * 3600 * 1000;
const dayOf = (t) => new Date(t + CHINA).toISOString().slice(0, 10);
const weekOf = (t) => {
  const local = new Date(t + CHINA);
  return new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
};

/** A deterministic pseudo-random stream so both databases get the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows for every table, built in memory once: users, ledger, per-rule days, days, weeks, totals. */
function* generate(firstUserId, orgs) {
  const random = rng(42);
  const now = Date.now();
  for (let i = 0; i < MEMBERS; i++) {
    const userId = firstUserId + i;
    const org = orgs[i % orgs.length];
    const optIn = random() < 0.5 ? 1 : 0;
    const user = { openid: `bench-${i}`, name: `成员${i}`, orgId: org.id, enterpriseId: org.enterpriseId };
    const ledger = [];
    const ruleDays = [];
    const days = [];
    const weeks = new Map();
    let total = 0;
    for (let k = 0; k < LINES_PER_MEMBER / 2; k++) {
      const t = now - k * 86400000;
      const day = dayOf(t);
      const read = 1 + Math.floor(random() * 6);
      const time = 1 + Math.floor(random() * 8);
      const seconds = time * 240 + Math.floor(random() * 200);
      ledger.push([userId, 'LESSON_READ', read, `bench:${day}:r`, day], [userId, 'STUDY_TIME', time, `bench:${day}:t`, day]);
      ruleDays.push([userId, day, 'LESSON_READ', read], [userId, day, 'STUDY_TIME', time]);
      days.push([userId, day, read + time, seconds]);
      const week = weekOf(t);
      const w = weeks.get(week) ?? { points: 0, seconds: 0 };
      w.points += read + time;
      w.seconds += seconds;
      weeks.set(week, w);
      total += read + time;
    }
    yield {
      user,
      ledger,
      ruleDays,
      days,
      weeks: [...weeks].map(([week, w]) => [userId, week, org.id, org.enterpriseId, optIn, w.points, w.seconds]),
      total: [userId, optIn, total],
    };
  }
}

const TABLES = {
  ledger: ['study_points_ledger', ['userId', 'rule', 'points', 'sourceKey', 'day']],
  ruleDays: ['study_rule_days', ['userId', 'day', 'rule', 'points']],
  days: ['study_user_days', ['userId', 'day', 'points', 'studySeconds']],
  weeks: ['study_user_weeks', ['userId', 'week', 'orgId', 'enterpriseId', 'optIn', 'points', 'studySeconds']],
  totals: ['study_user_totals', ['userId', 'optIn', 'points']],
};

async function seedMysql(url) {
  const conn = await mysql.createConnection({ uri: url, charset: 'utf8mb4', timezone: 'Z' });
  const [orgs] = await conn.query("SELECT id, enterpriseId FROM orgs WHERE type = 'BRANCH' ORDER BY id");
  const [[{ maxId }]] = await conn.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM users');
  const first = Number(maxId) + 1;
  await conn.query('SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0');
  const buffers = { users: [], ledger: [], ruleDays: [], days: [], weeks: [], totals: [] };
  const flush = async (force) => {
    if (force || buffers.ledger.length >= 20000) {
      if (buffers.users.length) await conn.query('INSERT INTO users (id, openid, name, orgId, enterpriseId, isSample) VALUES ?', [buffers.users]);
      for (const key of Object.keys(TABLES)) {
        if (!buffers[key].length) continue;
        const [table, columns] = TABLES[key];
        await conn.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [buffers[key]]);
      }
      for (const key of Object.keys(buffers)) buffers[key] = [];
      await conn.query('COMMIT');
      await conn.query('START TRANSACTION');
    }
  };
  await conn.query('START TRANSACTION');
  let id = first;
  for (const row of generate(first, orgs)) {
    buffers.users.push([id++, row.user.openid, row.user.name, row.user.orgId, row.user.enterpriseId, 1]);
    buffers.ledger.push(...row.ledger);
    buffers.ruleDays.push(...row.ruleDays);
    buffers.days.push(...row.days);
    buffers.weeks.push(...row.weeks);
    buffers.totals.push(row.total);
    await flush(false);
  }
  await flush(true);
  await conn.query('COMMIT');
  await conn.query('SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1');
  for (const [table] of Object.values(TABLES)) await conn.query(`ANALYZE TABLE ${table}`);
  await conn.query('ANALYZE TABLE users');
  await conn.end();
}

function seedSqlite(path) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const orgs = db.prepare("SELECT id, enterpriseId FROM orgs WHERE type = 'BRANCH' ORDER BY id").all();
  const first = db.prepare('SELECT COALESCE(MAX(id), 0) AS maxId FROM users').get().maxId + 1;
  const insertUser = db.prepare('INSERT INTO users (id, openid, name, orgId, enterpriseId, isSample) VALUES (?, ?, ?, ?, ?, 1)');
  const statements = Object.fromEntries(
    Object.entries(TABLES).map(([key, [table, columns]]) => [key, db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)]),
  );
  let batch = [];
  const write = db.transaction((rows) => {
    for (const { id, row } of rows) {
      insertUser.run(id, row.user.openid, row.user.name, row.user.orgId, row.user.enterpriseId);
      for (const key of ['ledger', 'ruleDays', 'days', 'weeks']) for (const values of row[key]) statements[key].run(values);
      statements.totals.run(row.total);
    }
  });
  let id = first;
  for (const row of generate(first, orgs)) {
    batch.push({ id: id++, row });
    if (batch.length >= 5000) {
      write(batch);
      batch = [];
    }
  }
  write(batch);
  db.exec('ANALYZE');
  db.close();
}

function startServer(env, port) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: '1', DEV_LOGIN: '1', SCHEDULER: '0', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitHealthy(base, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(label, fn) {
  for (let i = 0; i < 10; i++) await fn(i);
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function benchHttp(base) {
  const tokens = [];
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: `bench-${i * 4999}` }) });
    if (!res.ok) throw new Error(`dev-login failed: ${res.status} ${await res.text()}`);
    tokens.push((await res.json()).accessToken);
  }
  const get = async (path, i) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const columns = await get('/api/study/columns', 0);
  const column = columns.find((c) => c.lessonCount > 0);
  const board = await get('/api/study/leaderboard?scope=TOTAL', 0);
  if (board.items.length !== 50 || board.me.rank === undefined) throw new Error('leaderboard did not return 50 people');
  return [
    await measure('HTTP leaderboard TOTAL (top-50 + my rank)', (i) => get('/api/study/leaderboard?scope=TOTAL', i)),
    await measure('HTTP leaderboard WEEK (top-50 + my rank)', (i) => get('/api/study/leaderboard?scope=WEEK', i)),
    await measure('HTTP my points today', (i) => get('/api/study/me/points', i)),
    await measure('HTTP lesson list (column)', (i) => get(`/api/study/columns/${column.id}/lessons`, i)),
  ];
}

const TOP50 = 'SELECT userId, points FROM study_user_totals WHERE optIn = 1 AND points > 0 ORDER BY points DESC, userId DESC LIMIT 50';
const RANK = 'SELECT COUNT(*) AS n FROM study_user_totals WHERE optIn = 1 AND points > ?';
const TODAY = 'SELECT points, studySeconds FROM study_user_days WHERE userId = ? AND day = ?';

async function benchSqlMysql(url) {
  const conn = await mysql.createConnection({ uri: url });
  const [[{ minId }]] = await conn.query("SELECT MIN(id) AS minId FROM users WHERE openid LIKE 'bench-%'");
  const day = dayOf(Date.now());
  const out = [
    await measure('SQL top-50', () => conn.query(TOP50)),
    await measure('SQL my rank (COUNT ahead)', (i) => conn.query(RANK, [10 + (i % 60)])),
    await measure('SQL my points today', (i) => conn.query(TODAY, [Number(minId) + ((i * 4999) % MEMBERS), day])),
  ];
  await conn.end();
  return out;
}

async function benchSqlSqlite(path) {
  const db = new Database(path, { readonly: true });
  const minId = db.prepare("SELECT MIN(id) AS minId FROM users WHERE openid LIKE 'bench-%'").get().minId;
  const day = dayOf(Date.now());
  const top = db.prepare(TOP50);
  const rank = db.prepare(RANK);
  const today = db.prepare(TODAY);
  const out = [
    await measure('SQL top-50', () => top.all()),
    await measure('SQL my rank (COUNT ahead)', (i) => rank.get(10 + (i % 60))),
    await measure('SQL my points today', (i) => today.get(minId + ((i * 4999) % MEMBERS), day)),
  ];
  db.close();
  return out;
}

async function runOne(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'tr-bench-study-'));
  const port = 39000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  let env;
  let admin;
  if (kind === 'mysql') {
    admin = await mysql.createConnection(`${MYSQL_BASE}/test`);
    await admin.query(`DROP DATABASE IF EXISTS \`${MYSQL_DB}\``);
    await admin.query(`CREATE DATABASE \`${MYSQL_DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    env = { DATABASE_URL: `${MYSQL_BASE}/${MYSQL_DB}`, DATA_DIR: dir };
  } else {
    env = { SQLITE_PATH: join(dir, 'bench.sqlite'), DATA_DIR: dir };
  }
  try {
    let t0 = performance.now();
    let server = startServer(env, port);
    await waitHealthy(base, server);
    await stopServer(server);
    console.log(`[${kind}] migrated and seeded demo data in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    if (kind === 'mysql') await seedMysql(env.DATABASE_URL);
    else seedSqlite(env.SQLITE_PATH);
    console.log(`[${kind}] loaded ${MEMBERS.toLocaleString()} members and ${(MEMBERS * LINES_PER_MEMBER).toLocaleString()} ledger lines (+ aggregates) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    server = startServer(env, port);
    await waitHealthy(base, server);
    try {
      const http = await benchHttp(base);
      const sql = kind === 'mysql' ? await benchSqlMysql(env.DATABASE_URL) : await benchSqlSqlite(env.SQLITE_PATH);
      return [...http, ...sql].map((r) => ({ db: kind, ...r }));
    } finally {
      await stopServer(server);
    }
  } finally {
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS \`${MYSQL_DB}\``);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(MAIN)) {
  console.error('server/dist/main.js is missing: run `pnpm --filter @torch-red/shared build && pnpm --filter @torch-red/server build` first.');
  process.exit(1);
}
const results = [];
for (const kind of DATABASES) results.push(...(await runOne(kind)));
console.log(`\n${REQUESTS} sequential requests each, after 10 warm-up; ${MEMBERS.toLocaleString()} members, ${(MEMBERS * LINES_PER_MEMBER).toLocaleString()} ledger lines\n`);
console.log(`${'database'.padEnd(8)}  ${'measure'.padEnd(44)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}`);
for (const r of results) console.log(`${r.db.padEnd(8)}  ${r.label.padEnd(44)}  ${r.p50.toFixed(2).padStart(8)}  ${r.p99.toFixed(2).padStart(8)}`);
