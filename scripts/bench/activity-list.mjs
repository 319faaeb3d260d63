#!/usr/bin/env node
// Reading under load: 100 keep-alive connections of one signed-in member against
//   GET /api/activities?limit=20        (10,000 published activities)
//   GET /api/activities/:id             (one the member is waitlisted on, people ahead)
//   GET /api/me/registrations?limit=20  (the member has 30 registrations)
// on the built server (node server/dist/main.js) and, in the same run on the same database, on the raw
// ceiling: fastify + mysql2 / better-sqlite3 running the equivalent single query and returning
// equivalent JSON (scripts/bench/raw-server.mjs; times as SQL text sliced into ISO, as the server does; the script checks the JSON, second pages included, is
// the same before it measures). The rows go in with plain SQL after the server has migrated the database.
// Prints req/s, p50/p99, CPU per answer (server processes + MariaDB, from /proc) and Torch Red / raw in % per endpoint.
//
//   pnpm --filter @torch-red/shared build && pnpm --filter @torch-red/server build
//   node scripts/bench/activity-list.mjs [--rows 10000] [--connections 100] [--seconds 10]
//        [--db mysql|sqlite|both (default mysql)] [--processes 1] [--rounds 5] [--smoke] [--cpu-prof]
//        [--only list|detail|mine (comma-separated; all three when absent)]
// --rounds: Torch Red and raw are measured in alternating windows (SECONDS / rounds each, a short warm-up before
//           each), both servers running, so the ratio holds on a machine whose background load moves.
// --smoke: 100 rows, 10 connections, 0.5 s per endpoint (npm test runs this; no timing assertion; exit 1
//          on any non-200 answer, a JSON difference from the raw handler or wrong counts).
// --baseline DIR: in place of the raw ceiling, another checkout's built server (DIR/server/dist/main.js, e.g. a git
//                worktree of an older commit) on the same database: an A/B of two builds, the ratio new / old.
//                MariaDB only (one server process per SQLite file).
// --cpu-prof: both servers run under node --cpu-prof; prints the top 15 self-time functions per endpoint and side.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createDatabase, databasesOf, devLoginMany, httpJson, insertRows, keepAliveLoad, mariadbPid, ms, openSql, parseArgs, pct, printProfile, startProcesses,
} from './bench-lib.mjs';

const args = parseArgs();
const SMOKE = Boolean(args.smoke);
const ROWS = Number(args.rows ?? (SMOKE ? 100 : 10000));
const CONNECTIONS = Number(args.connections ?? (SMOKE ? 10 : 100));
const SECONDS = Number(args.seconds ?? (SMOKE ? 0.5 : 10));
const WARMUP = Number(args.warmup ?? (SMOKE ? 0.25 : 3));
// The SECONDS per endpoint are split into ROUNDS windows, Torch Red and raw taking turns (both servers up, the
// idle one costs nothing), so a change in the machine's background load falls on both sides alike.
const ROUNDS = Math.max(1, Number(args.rounds ?? (SMOKE || args['cpu-prof'] ? 1 : 5)));
const PROCESSES = Number(args.processes ?? 1);
const DBS = databasesOf(args.db, 'mysql');
const CPU_PROF = Boolean(args['cpu-prof']);
const PROF_ROOT = CPU_PROF ? mkdtempSync(join(tmpdir(), 'torch-red-prof-list-')) : null;
const MINE = 30;
const BASELINE = args.baseline ? resolve(String(args.baseline), 'server', 'dist', 'main.js') : null;
const OTHER = BASELINE ? 'baseline' : 'raw';
if (BASELINE && databasesOf(args.db, 'mysql').includes('sqlite')) throw new Error('--baseline runs on MariaDB only: one server process per SQLite file');
const ONLY = args.only ? new Set(String(args.only).split(',')) : null;
const TYPES = ['THEME_PARTY_DAY', 'GOV_ENTERPRISE_FORUM', 'TRAINING', 'VOLUNTEER', 'OTHER'];
const log = (...a) => console.error('  ·', ...a);

/** 10,000 published activities, 5 other people queueing on some, 30 registrations of the member. */
async function seed(sql, memberId) {
  const orgs = (await sql.query('SELECT id FROM orgs ORDER BY id')).map((o) => o.id);
  if (orgs.length === 0) throw new Error('no orgs: the demo seed did not run');
  const now = Date.now();
  const day = 86400e3;
  const fields = JSON.stringify([{ key: 'company', label: '单位', type: 'text', required: true }]);
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const start = new Date(now + (2 + (i % 60)) * day);
    rows.push([
      orgs[i % orgs.length], `压测活动 ${i + 1}：产业链党建联建主题活动`, TYPES[i % TYPES.length], '围绕产业链上下游企业党组织开展联学联建，交流经验，共促发展。'.repeat(2),
      null, `会议室 ${i % 20}`, null, start, new Date(start.getTime() + 2 * 3600e3), null, new Date(start.getTime() - day),
      i % 3 === 0 ? null : 30 + (i % 50), 1, i % 7 === 0 ? 1 : 0, null, fields, 'PUBLISHED', new Date(now - day), null, null, 0, memberId, 0,
    ]);
  }
  await insertRows(sql, 'activities', [
    'orgId', 'title', 'type', 'description', 'coverUrl', 'location', 'onlineUrl', 'startAt', 'endAt', 'signupStartAt', 'signupEndAt', 'capacity', 'waitlist',
    'requiresApproval', 'cancelDeadline', 'formFields', 'status', 'publishedAt', 'cancelledAt', 'cancelReason', 'confirmedCount', 'createdBy', 'isSample',
  ], rows);
  const ids = (await sql.query(`SELECT id FROM activities WHERE status = 'PUBLISHED' AND createdBy = ? ORDER BY id DESC`, [memberId])).map((r) => r.id);
  if (ids.length !== ROWS) throw new Error(`expected ${ROWS} bench activities, found ${ids.length}`);

  // Other people: waitlisted / pending on the newest activities, so counts and positions are not all zero.
  await insertRows(sql, 'users', ['openid', 'name', 'isSample'], Array.from({ length: 5 }, (_, i) => [`bench-other-${i}`, `压测他人${i}`, 0]));
  const others = (await sql.query(`SELECT id FROM users WHERE openid LIKE 'bench-other-%' ORDER BY id`)).map((r) => r.id);
  const regCols = ['activityId', 'userId', 'status', 'answers', 'queuedAt', 'attendance'];
  const regs = [];
  const t0 = now - 3600e3;
  const answers = JSON.stringify({ company: '示例单位' });
  for (let k = 0; k < Math.min(40, ids.length); k++) {
    others.forEach((u, j) => regs.push([ids[k], u, j % 2 ? 'PENDING' : 'WAITLISTED', answers, new Date(t0 + k * 1000 + j), 'NONE']));
  }
  // The member: 30 registrations spread over the list, every third one waitlisted behind the others.
  const step = Math.max(1, Math.floor(ids.length / MINE));
  const mine = Array.from({ length: Math.min(MINE, ids.length) }, (_, k) => ids[(k * step) % ids.length]);
  mine.forEach((activityId, k) => regs.push([activityId, memberId, k % 3 === 0 ? 'WAITLISTED' : 'CONFIRMED', answers, new Date(now - 60e3 + k), 'NONE']));
  await insertRows(sql, 'registrations', regCols, regs);
  for (const activityId of mine) {
    await sql.query(`UPDATE activities SET confirmedCount = (SELECT COUNT(*) FROM registrations r WHERE r.activityId = ? AND r.status = 'CONFIRMED') WHERE id = ?`, [activityId, activityId]);
  }
  // SQLite: fold the seed's write-ahead log into the database file now. Otherwise the server measured first reads
  // every page through a WAL of ~10,000 rows, while the raw server, started after that server closed the file
  // (which checkpoints), reads a clean one.
  if (!sql.mysql) await sql.query('PRAGMA wal_checkpoint(TRUNCATE)');
  const [{ n }] = await sql.query(`SELECT COUNT(*) AS n FROM activities WHERE status = 'PUBLISHED'`);
  const [{ m }] = await sql.query('SELECT COUNT(*) AS m FROM registrations WHERE userId = ?', [memberId]);
  // The detail target: the newest activity the member waits on with others ahead.
  return { published: Number(n), mine: Number(m), detailId: mine[0] };
}

/** First difference between two JSON values, or null. */
function diff(a, b, path = '$') {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${path}: Torch Red ${JSON.stringify(a)} ≠ raw ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = diff(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

async function measure(proc, endpoint, token, seconds, warmup, dbPid) {
  const pids = dbPid ? [...proc.pids, dbPid] : proc.pids;
  return keepAliveLoad(proc.bases[0], { path: endpoint.path, token, connections: CONNECTIONS, seconds, warmup, pids });
}

/** The windows of one side added up: requests over the time measured, latencies of all windows. */
function combine(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const completed = runs.reduce((n, r) => n + r.completed, 0);
  const wallMs = runs.reduce((n, r) => n + r.wallMs, 0);
  const statuses = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const non200 = Object.entries(statuses).filter(([k]) => k !== '200').reduce((n, [, v]) => n + v, 0);
  const cpuMs = runs.reduce((n, r) => n + r.cpuMs, 0);
  return { latencies, completed, wallMs, cpuMs, statuses, non200, errors: runs.reduce((n, r) => n + r.errors, 0), rps: completed / (wallMs / 1000), window: runs[0].window };
}

async function runDatabase(db) {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-bench-'));
  const database = await createDatabase(db, dir, 'list');
  const label = db === 'mysql' ? 'MariaDB' : 'SQLite';
  const profDir = PROF_ROOT ? join(PROF_ROOT, db) : undefined;
  let server;
  let raw;
  let sql;
  const problems = [];
  try {
    server = await startProcesses('server', database.env, PROCESSES, { cpuProfDir: profDir && join(profDir, 'server') });
    const [member] = await devLoginMany(server.bases, ['bench-member']);
    sql = await openSql(database.env);
    const t = Date.now();
    const seeded = await seed(sql, member.userId);
    log(`${label}: ${seeded.published} published activities, ${seeded.mine} registrations of the member (${Date.now() - t} ms)`);
    if (seeded.published < ROWS || seeded.mine !== Math.min(MINE, ROWS)) problems.push(`seed counts: ${JSON.stringify(seeded)}`);
    const endpoints = [
      { key: 'list', name: 'GET /api/activities?limit=20', path: '/api/activities?limit=20', items: 20 },
      { key: 'detail', name: 'GET /api/activities/:id', path: `/api/activities/${seeded.detailId}` },
      { key: 'mine', name: 'GET /api/me/registrations?limit=20', path: '/api/me/registrations?limit=20', items: Math.min(20, seeded.mine) },
    ];

    const reference = [];
    for (const e of endpoints) {
      const r = await httpJson(server.bases[0], 'GET', e.path, { token: member.token });
      if (r.status !== 200) problems.push(`${e.name}: Torch Red answered ${r.status} ${JSON.stringify(r.body)}`);
      if (e.items !== undefined && r.body?.items?.length !== e.items) problems.push(`${e.name}: ${r.body?.items?.length} items, expected ${e.items}`);
      reference.push(r.body);
    }
    // Second pages (cursor) are compared with the raw handler too, not measured.
    const pages = [];
    for (const [i, e] of endpoints.entries()) {
      if (!reference[i]?.nextCursor) continue;
      const path = `${e.path}&cursor=${reference[i].nextCursor}`;
      const r = await httpJson(server.bases[0], 'GET', path, { token: member.token });
      if (r.status !== 200 || !r.body.items?.length) problems.push(`${path}: Torch Red answered ${r.status} with ${r.body?.items?.length} items`);
      pages.push({ name: `${e.name} (page 2)`, path, body: r.body });
    }
    if (pages.length !== 2) problems.push(`expected a second page for the list and my registrations, got ${pages.length}`);
    // The detail target has 3 others waitlisted and 2 pending ahead of the member.
    const detail = reference[1];
    const expected = { status: 'WAITLISTED', waitlistPosition: 4, waitlistCount: 4, pendingCount: 2 };
    const got = { status: detail?.myRegistration?.status, waitlistPosition: detail?.myRegistration?.waitlistPosition, waitlistCount: detail?.waitlistCount, pendingCount: detail?.pendingCount };
    if (diff(got, expected)) problems.push(`detail counts: ${diff(got, expected)}`);
    raw = BASELINE
      ? await startProcesses('server', database.env, PROCESSES, { cpuProfDir: profDir && join(profDir, 'raw'), main: BASELINE })
      : await startProcesses('raw', database.env, PROCESSES, { cpuProfDir: profDir && join(profDir, 'raw') });
    for (const [i, e] of endpoints.entries()) {
      const r = await httpJson(raw.bases[0], 'GET', e.path, { token: member.token });
      const d = r.status === 200 ? diff(reference[i], r.body) : `raw answered ${r.status}`;
      if (d) problems.push(`${e.name}: JSON differs from the raw handler's — ${d}`);
    }
    for (const page of pages) {
      const r = await httpJson(raw.bases[0], 'GET', page.path, { token: member.token });
      const d = r.status === 200 ? diff(page.body, r.body) : `raw answered ${r.status}`;
      if (d) problems.push(`${page.name}: JSON differs from the raw handler's — ${d}`);
    }
    const serverRuns = [];
    const rawRuns = [];
    // CPU per answer counts the database server too (SQLite runs inside the Node process).
    const dbPid = db === 'mysql' ? mariadbPid() : null;
    for (const e of endpoints) {
      if (ONLY && !ONLY.has(e.key)) {
        serverRuns.push(null);
        rawRuns.push(null);
        continue;
      }
      const mineRuns = [];
      const theirs = [];
      const slice = SECONDS / ROUNDS;
      const warm = ROUNDS === 1 ? WARMUP : Math.min(WARMUP, 1);
      for (let round = 0; round < ROUNDS; round++) {
        // Who goes first alternates too.
        const order = round % 2 === 0 ? [[server, mineRuns], [raw, theirs]] : [[raw, theirs], [server, mineRuns]];
        for (const [proc, into] of order) into.push(await measure(proc, e, member.token, slice, warm, dbPid));
      }
      serverRuns.push(combine(mineRuns));
      rawRuns.push(combine(theirs));
    }
    await server.stop();
    server = null;
    await raw.stop();
    raw = null;

    const rows = [];
    endpoints.forEach((e, i) => {
      if (!serverRuns[i]) return;
      for (const [impl, r] of [['Torch Red', serverRuns[i]], [OTHER, rawRuns[i]]]) {
        if (r.non200 || r.errors || r.completed === 0) problems.push(`${e.name} (${impl}): ${r.completed} answers, ${r.non200} not 200, ${r.errors} socket errors`);
        rows.push({
          database: label,
          endpoint: e.name,
          impl,
          'req/s': Math.round(r.rps),
          'p50 ms': ms(pct(r.latencies, 50)),
          'p99 ms': ms(pct(r.latencies, 99)),
          'CPU ms/req': r.cpuMs ? (r.cpuMs / r.completed).toFixed(3) : '',
          requests: r.completed,
          'not 200': r.non200,
          ratio: impl === OTHER ? '' : `${((100 * r.rps) / rawRuns[i].rps).toFixed(1)} %`,
        });
      }
    });
    return { rows, problems, label, profDir, windows: endpoints.flatMap((e, i) => (serverRuns[i] ? [[e.name, serverRuns[i].window, rawRuns[i].window]] : [])) };
  } finally {
    await server?.stop();
    await raw?.stop();
    await sql?.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const outcomes = [];
for (const db of DBS) outcomes.push(await runDatabase(db));
console.log(`\nReads under load: ${ROWS} published activities, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per endpoint and side in ${ROUNDS} alternating window${ROUNDS > 1 ? 's' : ''}, ${PROCESSES} process${PROCESSES > 1 ? 'es' : ''} each`);
console.table(outcomes.flatMap((o) => o.rows));
if (CPU_PROF) {
  for (const o of outcomes) {
    for (const [name, window, rawWindow] of o.windows) {
      printProfile(`Torch Red server, ${name}, ${o.label}`, join(o.profDir, 'server'), window);
      printProfile(`${BASELINE ? 'baseline' : 'raw ceiling'}, ${name}, ${o.label}`, join(o.profDir, 'raw'), rawWindow);
    }
  }
  console.log(`\nProfiles: ${PROF_ROOT}`);
}
const problems = outcomes.flatMap((o) => o.problems.map((p) => `${o.label}: ${p}`));
for (const p of problems) console.error(`✖ ${p}`);
console.log(problems.length ? `\n✖ ${problems.length} problem(s).` : '\nEvery answer 200, JSON equal to the raw handler\'s, counts exact.');
process.exit(problems.length ? 1 : 0);
