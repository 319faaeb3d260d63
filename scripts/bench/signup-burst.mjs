#!/usr/bin/env node
// The sign-up rush: N different people sign up at the same moment for C seats (waitlist on), each
// request on a new connection. Runs the built server (node server/dist/main.js) — 2 processes on
// MariaDB, requests alternating between them as behind a round-robin balancer, 1 process on embedded
// SQLite — and, in the same run against the same database, the raw ceiling: the same registration
// transaction by hand through mysql2 / better-sqlite3 behind a minimal fastify handler
// (scripts/bench/raw-server.mjs), same process count, same load generator, same concurrency; and
// that transaction called in this process without HTTP (the database's own ceiling, for reference).
// The ratio Torch Red / raw compares with the raw HTTP server.
// Both sides first sign up min(N, 200) of the people on a warm-up activity of their own, unmeasured
// (not in --smoke).
// Prints throughput, p50/p95/p99, the CPU each sign-up cost the servers, MariaDB and the load generator
// (all share this machine's cores), Torch Red / raw in %, and checks the database for both: exactly C
// confirmed, N - C waitlisted, the seat counter at C, waitlist positions 1..N-C once each.
//
//   pnpm --filter @torch-red/shared build && pnpm --filter @torch-red/server build
//   node scripts/bench/signup-burst.mjs [--n 2000] [--capacity 100] [--db sqlite|mysql|both]
//        [--concurrency N] [--smoke] [--cpu-prof]
// --smoke: 50 people, 10 seats (npm test runs this; no timing assertion, exit 1 unless counts are exact).
// --cpu-prof: the server processes run under node --cpu-prof; prints the top 15 self-time functions
//             and packages during the burst (profiles kept in the printed folder).
// --main FILE: run this built server as Torch Red instead of server/dist/main.js (an A/B of two builds: copy the
//             other build's dist inside server/, e.g. server/dist-before, so its packages resolve).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  burst, cpuMsOf, createDatabase, mapLimit, mariadbPid, databasesOf, devLoginMany, httpJson, ms, openSql, parseArgs, pct, printProfile, startProcesses, monotonicMicros,
} from './bench-lib.mjs';
import { openDatabase } from './raw-db.mjs';

const args = parseArgs();
const SMOKE = Boolean(args.smoke);
const N = Number(args.n ?? (SMOKE ? 50 : 2000));
const CAPACITY = Number(args.capacity ?? (SMOKE ? 10 : 100));
const CONCURRENCY = Number(args.concurrency ?? N);
const DBS = databasesOf(args.db, 'both');
const WARMUP = SMOKE ? 0 : Math.min(N, 200);
const CPU_PROF = Boolean(args['cpu-prof']);
const CORES = availableParallelism();
const MAIN = args.main ? resolve(String(args.main)) : undefined;
const log = (...a) => console.error('  ·', ...a);
const PROF_ROOT = CPU_PROF ? mkdtempSync(join(tmpdir(), 'torch-red-prof-signup-')) : null;

async function createActivity(base, token, orgId, title) {
  const t = Date.now();
  const created = await httpJson(base, 'POST', '/api/activities', {
    token,
    body: {
      orgId, title, type: 'OTHER', description: '压测', location: '线上',
      startAt: new Date(t + 48 * 3600e3).toISOString(), endAt: new Date(t + 49 * 3600e3).toISOString(), signupEndAt: new Date(t + 24 * 3600e3).toISOString(),
      capacity: CAPACITY, waitlist: true, requiresApproval: false, formFields: [{ key: 'company', label: '单位', type: 'text', required: true }],
    },
  });
  if (created.status !== 201) throw new Error(`create activity: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await httpJson(base, 'POST', `/api/activities/${created.body.id}/publish`, { token });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return Number(created.body.id);
}

/** What the database holds for one activity, and whether it is exact. */
async function verify(sql, activityId, run) {
  const byStatus = Object.fromEntries(
    (await sql.query('SELECT status, COUNT(*) AS n FROM registrations WHERE activityId = ? GROUP BY status', [activityId])).map((r) => [r.status, Number(r.n)]),
  );
  const [{ confirmedCount }] = await sql.query('SELECT confirmedCount FROM activities WHERE id = ?', [activityId]);
  const ok = run.results.filter((r) => r.status === 201);
  const answered = { CONFIRMED: 0, WAITLISTED: 0 };
  for (const r of ok) answered[r.body.status] = (answered[r.body.status] ?? 0) + 1;
  const positions = ok.filter((r) => r.body.status === 'WAITLISTED').map((r) => r.body.waitlistPosition).sort((a, b) => a - b);
  const positionsExact = positions.length === N - CAPACITY && positions.every((p, i) => p === i + 1);
  const errors = run.results.length - ok.length;
  const db = { confirmed: byStatus.CONFIRMED ?? 0, waitlisted: byStatus.WAITLISTED ?? 0, other: Object.entries(byStatus).filter(([s]) => s !== 'CONFIRMED' && s !== 'WAITLISTED').reduce((n, [, v]) => n + v, 0) };
  const exact = errors === 0 && db.confirmed === CAPACITY && db.waitlisted === N - CAPACITY && db.other === 0 && Number(confirmedCount) === CAPACITY
    && answered.CONFIRMED === CAPACITY && answered.WAITLISTED === N - CAPACITY && positionsExact;
  if (errors) {
    const sample = run.results.find((r) => r.status !== 201);
    console.error(`  ${errors} requests failed, e.g. ${sample.status} ${JSON.stringify(sample.body)}`);
  }
  return { ...db, counter: Number(confirmedCount), errors, positions: positionsExact ? 'exact' : 'WRONG', exact };
}

/** The raw transaction called directly from this process (no HTTP): the database's own ceiling. */
async function inProcess(direct, people, activityId, concurrency, dbPid) {
  const latencies = [];
  const cpu0 = { db: dbPid ? cpuMsOf([dbPid]) : 0, self: process.cpuUsage() };
  const started = performance.now();
  const results = await mapLimit(people, concurrency, async (p, i) => {
    const t0 = performance.now();
    let res;
    try {
      const r = await direct.register(p.userId, activityId, { company: `单位${i}` });
      res = { status: r.created ? 201 : 200, body: r.registration };
    } catch (err) {
      res = { status: err.statusCode ?? 500, body: { error: String(err.message ?? err) } };
    }
    latencies.push(performance.now() - t0);
    return res;
  });
  const wallMs = performance.now() - started;
  const self = process.cpuUsage(cpu0.self);
  latencies.sort((a, b) => a - b);
  // Here this process is the server: no generator apart from it.
  return { results, latencies, wallMs, cpu: { servers: (self.user + self.system) / 1000, db: dbPid ? cpuMsOf([dbPid]) - cpu0.db : null, generator: null } };
}

/** CPU ms per sign-up (null: not measured; the embedded database's work is the server's). */
const perSignup = (cpuMs) => (cpuMs === null ? '-' : (cpuMs / N).toFixed(2));

async function runDatabase(db) {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-bench-'));
  const database = await createDatabase(db, dir, 'signup');
  const processes = db === 'mysql' ? 2 : 1;
  const label = db === 'mysql' ? 'MariaDB' : 'SQLite';
  const profDir = PROF_ROOT ? join(PROF_ROOT, db) : undefined;
  const dbPid = db === 'mysql' ? mariadbPid() : null;
  let server;
  let raw;
  const sql = { close: async () => {} };
  try {
    let t = Date.now();
    const phase = (what) => {
      log(`${label}: ${what} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      t = Date.now();
    };
    server = await startProcesses('server', database.env, processes, { cpuProfDir: profDir, main: MAIN });
    phase(`${processes} server process${processes > 1 ? 'es' : ''} up, database migrated`);
    const secretary = await httpJson(server.bases[0], 'POST', '/api/auth/dev-login', { body: { openid: 'demo-secretary-liuyang' } });
    if (secretary.status !== 200) throw new Error(`secretary dev-login: ${secretary.status} ${JSON.stringify(secretary.body)}`);
    const token = secretary.body.accessToken;
    const me = await httpJson(server.bases[0], 'GET', '/api/me', { token });
    const serverActivity = await createActivity(server.bases[0], token, me.body.orgId, '压测活动（Torch Red）');
    const rawActivity = await createActivity(server.bases[0], token, me.body.orgId, '压测活动（raw）');
    // Both sides first run the sign-up path unmeasured on an activity of their own (JIT, pools warm).
    const serverWarm = await createActivity(server.bases[0], token, me.body.orgId, '预热（Torch Red）');
    const rawWarm = await createActivity(server.bases[0], token, me.body.orgId, '预热（raw）');
    const directActivity = await createActivity(server.bases[0], token, me.body.orgId, '压测活动（raw, in process）');
    const directWarm = await createActivity(server.bases[0], token, me.body.orgId, '预热（raw, in process）');
    const people = await devLoginMany(server.bases, Array.from({ length: N }, (_, i) => `bench-${i}`));
    phase(`${N} people signed in`);
    const requests = (activityId) =>
      people.map((p, i) => ({ method: 'POST', path: `/api/activities/${activityId}/registrations`, token: p.token, body: { answers: { company: `单位${i}` } } }));
    const warm = (activityId) => requests(activityId).slice(0, WARMUP);

    if (WARMUP) await burst(server.bases, warm(serverWarm), 50);
    phase('Torch Red warmed up');
    const w0 = monotonicMicros();
    const serverRun = await burst(server.bases, requests(serverActivity), CONCURRENCY, { pids: server.pids, dbPid });
    const window = [w0, monotonicMicros()];
    phase('Torch Red burst');
    await server.stop();
    server = null;

    raw = await startProcesses('raw', database.env, processes);
    if (WARMUP) await burst(raw.bases, warm(rawWarm), 50);
    phase('raw up and warmed up');
    const rawRun = await burst(raw.bases, requests(rawActivity), CONCURRENCY, { pids: raw.pids, dbPid });
    phase('raw burst');
    const direct = await openDatabase(database.env);
    let directRun;
    try {
      if (WARMUP) await inProcess(direct, people.slice(0, WARMUP), directWarm, 50);
      directRun = await inProcess(direct, people, directActivity, CONCURRENCY, dbPid);
    } finally {
      await direct.close();
    }
    phase('raw in process');
    await raw.stop();
    raw = null;

    Object.assign(sql, await openSql(database.env));
    const rows = [];
    for (const [impl, run, activityId] of [['Torch Red', serverRun, serverActivity], ['raw', rawRun, rawActivity], ['raw, in process (no HTTP)', directRun, directActivity]]) {
      const check = await verify(sql, activityId, run);
      rows.push({
        database: `${label}, ${processes} process${processes > 1 ? 'es' : ''}`,
        impl,
        'sign-ups/s': Math.round(N / (run.wallMs / 1000)),
        'p50 ms': ms(pct(run.latencies, 50)),
        'p95 ms': ms(pct(run.latencies, 95)),
        'p99 ms': ms(pct(run.latencies, 99)),
        'CPU ms/sign-up server': perSignup(run.cpu.servers),
        db: perSignup(run.cpu.db),
        generator: perSignup(run.cpu.generator),
        ...check,
        exact: check.exact ? 'yes' : 'NO',
      });
    }
    const ratio = (100 * rows[0]['sign-ups/s']) / rows[1]['sign-ups/s'];
    const ratioDirect = (100 * rows[0]['sign-ups/s']) / rows[2]['sign-ups/s'];
    // The shortest the burst could take here if every core did nothing else: the CPU it used, spread over them.
    const floor = (run) => ((run.cpu.servers ?? 0) + (run.cpu.db ?? 0) + (run.cpu.generator ?? 0)) / CORES / 1000;
    return { rows, ratio, ratioDirect, label, profDir, window, floors: { torchRed: floor(serverRun), raw: floor(rawRun) } };
  } finally {
    await server?.stop();
    await raw?.stop();
    await sql.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const outcomes = [];
for (const db of DBS) outcomes.push(await runDatabase(db));
console.log(`\nSign-up burst: ${N} people at once (concurrency ${CONCURRENCY}), ${CAPACITY} seats, waitlist on, a new connection per request`);
console.table(outcomes.flatMap((o) => o.rows));
for (const o of outcomes) {
  console.log(`  ${o.label}: Torch Red / raw = ${o.ratio.toFixed(1)} % of the raw throughput (HTTP, new connections); ${o.ratioDirect.toFixed(1)} % of the transaction alone in process`);
  console.log(
    `  ${o.label}: CPU floor on ${CORES} cores (servers + database + generator, all ${N}, every core busy): ` +
      `Torch Red ${o.floors.torchRed.toFixed(2)} s, raw ${o.floors.raw.toFixed(2)} s — no run of either here can end sooner, so neither can answer its last person sooner`,
  );
}
if (CPU_PROF) {
  for (const o of outcomes) printProfile(`Torch Red server, sign-up burst, ${o.label}`, o.profDir, o.window);
  console.log(`\nProfiles: ${PROF_ROOT}`);
}
const exact = outcomes.every((o) => o.rows.every((r) => r.exact === 'yes'));
console.log(exact ? '\nCounts exact for every run.' : '\n✖ Counts were NOT exact (see the table).');
process.exit(exact ? 0 : 1);
