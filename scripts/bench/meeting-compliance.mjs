#!/usr/bin/env node
// 组织生活 compliance at scale: 2,000 branches with a year (2026) of archived records — every month a 支部委员会会议
// and a 主题党日, every quarter a 支部党员大会 and a 党课, a 组织生活会 and a 民主评议党员 — with one record in ten
// left out so every state occurs, and 党小组会 switched on for one branch in twenty. Then, as an admin, keep-alive
// requests (one connection by default: the latency of one request) against
//   GET /api/committee/meeting-compliance?period=2026-03   (a month)
//   GET /api/committee/meeting-compliance?period=2026-Q1   (a quarter)
//   GET /api/committee/meeting-compliance?period=2026      (the year)
// on the built server (node server/dist/main.js). The rows go in with plain SQL after the server has migrated the
// database. Before measuring, the script checks the answer against the database: the totals equal the rows, the
// judged organisations are all there, and one branch's counts equal COUNT(*) of its records.
// Prints p50/p99 and req/s per period; the goal is p50 ≤ 200 ms on MariaDB.
//
//   pnpm --filter @torch-red/shared build && pnpm --filter @torch-red/server build
//   node scripts/bench/meeting-compliance.mjs [--orgs 2000] [--connections 1] [--seconds 10]
//        [--db mysql|sqlite|both (default mysql)] [--smoke]
// --smoke: 20 branches, 0.5 s per period (npm test runs this; no timing assertion; exit 1 on any non-200 answer or
//          a figure that differs from the database).
// --cpu-prof: the server runs under node --cpu-prof; prints the top 15 self-time functions per period.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, databasesOf, devLoginMany, httpJson, insertRows, keepAliveLoad, ms, openSql, parseArgs, pct, printProfile, startProcesses } from './bench-lib.mjs';

const args = parseArgs();
const SMOKE = Boolean(args.smoke);
const ORGS = Number(args.orgs ?? (SMOKE ? 20 : 2000));
const CONNECTIONS = Number(args.connections ?? 1);
const SECONDS = Number(args.seconds ?? (SMOKE ? 0.5 : 10));
const WARMUP = Number(args.warmup ?? (SMOKE ? 0.25 : 2));
const DBS = databasesOf(args.db, 'mysql');
const CPU_PROF = Boolean(args['cpu-prof']);
const PROF_ROOT = CPU_PROF ? mkdtempSync(join(tmpdir(), 'torch-red-prof-orglife-')) : null;
const YEAR = 2026;
const GOAL_P50_MS = 200;
const PERIODS = ['2026-03', '2026-Q1', '2026'];
const log = (...a) => console.error('  ·', ...a);

/** China-time instant → the stored UTC Date. */
const china = (month, day, hour) => new Date(Date.UTC(YEAR, month - 1, day, hour - 8));

/** The records of one branch: [kind, month, day] — one in ten left out (deterministically). */
function recordsOf(orgIndex) {
  const out = [];
  const keep = (n) => (orgIndex * 7 + n * 13) % 10 !== 0;
  for (let m = 1; m <= 12; m++) {
    if (keep(m)) out.push(['BRANCH_COMMITTEE', m, 5]);
    if (keep(m + 100)) out.push(['THEME_DAY', m, 15]);
  }
  for (let q = 1; q <= 4; q++) {
    if (keep(q + 200)) out.push(['PARTY_CONGRESS', q * 3 - 1, 10]);
    if (keep(q + 300)) out.push(['PARTY_LECTURE', q * 3, 20]);
  }
  if (keep(400)) out.push(['LIFE_MEETING', 12, 1]);
  if (keep(500)) out.push(['DEMOCRATIC_REVIEW', 12, 2]);
  return out;
}

async function seed(sql) {
  const [parent] = await sql.query(`SELECT id FROM orgs WHERE type = 'INDUSTRY_COMMITTEE' ORDER BY id LIMIT 1`);
  if (!parent) throw new Error('no industry committee: the demo seed did not run');
  await insertRows(sql, 'orgs', ['name', 'type', 'parentId', 'enterpriseId', 'sortOrder', 'isSample'], Array.from({ length: ORGS }, (_, i) => [`压测第${i + 1}党支部`, 'BRANCH', parent.id, null, 1000 + i, 0]));
  // Written around the server: move the org tree's change counter on, as the server's own writes do.
  await sql.query(`UPDATE data_versions SET version = version + 1 WHERE name = 'org-tree'`);
  const orgIds = (await sql.query(`SELECT id FROM orgs WHERE name LIKE '压测第%党支部' ORDER BY id`)).map((r) => Number(r.id));
  if (orgIds.length !== ORGS) throw new Error(`expected ${ORGS} bench branches, found ${orgIds.length}`);
  const columns = ['orgId', 'kind', 'status', 'startsAt', 'endsAt', 'periodMonth', 'periodQuarter', 'periodYear', 'place', 'online', 'topic', 'presentCount', 'leaveCount', 'absentCount', 'archivedAt', 'isSample'];
  const rows = [];
  orgIds.forEach((orgId, i) => {
    for (const [kind, month, day] of recordsOf(i)) {
      const at = china(month, day, 9);
      rows.push([orgId, kind, 'ARCHIVED', at, null, YEAR * 100 + month, YEAR * 10 + Math.ceil(month / 3), YEAR, '党员活动室', 0, '压测会议', 8, 1, 1, at, 0]);
    }
  });
  await insertRows(sql, 'meetings', columns, rows);
  const ruled = orgIds.filter((_, i) => i % 20 === 0);
  await insertRows(sql, 'meeting_rules', ['orgId', 'kind', 'unit', 'required'], ruled.map((orgId) => [orgId, 'PARTY_GROUP', 'MONTH', 1]));
  if (!sql.mysql) await sql.query('PRAGMA wal_checkpoint(TRUNCATE)');
  const [{ n }] = await sql.query(`SELECT COUNT(*) AS n FROM meetings WHERE status = 'ARCHIVED' AND periodYear = ?`, [YEAR]);
  return { orgIds, meetings: Number(n), ruled: ruled.length };
}

/** Every page of the table for a period (to check the figures, not measured). */
async function allRows(base, token, period) {
  const rows = [];
  let cursor = null;
  let first;
  do {
    const r = await httpJson(base, 'GET', `/api/committee/meeting-compliance?period=${period}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
    if (r.status !== 200) throw new Error(`${period}: answered ${r.status} ${JSON.stringify(r.body)}`);
    first ??= r.body;
    rows.push(...r.body.rows.items);
    cursor = r.body.rows.nextCursor;
  } while (cursor);
  return { totals: first.totals, rows };
}

/** The figures of one period against the database. */
async function check(base, token, sql, seeded, period) {
  const problems = [];
  const { totals, rows } = await allRows(base, token, period);
  const count = (state) => rows.filter((r) => r.state === state).length;
  if (totals.done !== count('DONE') || totals.due !== count('DUE') || totals.overdue !== count('OVERDUE')) problems.push(`${period}: totals ${JSON.stringify(totals)} differ from the rows`);
  const bench = new Set(seeded.orgIds.map(String));
  const judged = new Set(rows.filter((r) => bench.has(r.orgId)).map((r) => r.orgId));
  if (judged.size !== seeded.orgIds.length) problems.push(`${period}: ${judged.size} bench branches judged, expected ${seeded.orgIds.length}`);
  // One branch, every kind: the count equals COUNT(*) over the months its unit judges.
  const orgId = seeded.orgIds[1];
  const span = { '2026-03': { MONTH: [3, 3], QUARTER: [1, 3], YEAR: [1, 12] }, '2026-Q1': { MONTH: [1, 3], QUARTER: [1, 3], YEAR: [1, 12] }, 2026: { MONTH: [1, 12], QUARTER: [1, 12], YEAR: [1, 12] } }[period];
  const unit = { BRANCH_COMMITTEE: 'MONTH', THEME_DAY: 'MONTH', PARTY_CONGRESS: 'QUARTER', PARTY_LECTURE: 'QUARTER', LIFE_MEETING: 'YEAR', DEMOCRATIC_REVIEW: 'YEAR' };
  for (const [kind, u] of Object.entries(unit)) {
    const [from, to] = span[u];
    const [{ n }] = await sql.query(`SELECT COUNT(*) AS n FROM meetings WHERE orgId = ? AND kind = ? AND status = 'ARCHIVED' AND periodMonth BETWEEN ? AND ?`, [orgId, kind, YEAR * 100 + from, YEAR * 100 + to]);
    const row = rows.find((r) => r.orgId === String(orgId) && r.kind === kind);
    if (!row || row.meetingCount !== Number(n)) problems.push(`${period} ${kind}: meetingCount ${row?.meetingCount} ≠ ${n} in the database`);
  }
  return { problems, rows: rows.length, totals };
}

async function runDatabase(db) {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-bench-'));
  const database = await createDatabase(db, dir, 'orglife');
  const label = db === 'mysql' ? 'MariaDB' : 'SQLite';
  const profDir = PROF_ROOT ? join(PROF_ROOT, db) : undefined;
  let server;
  let sql;
  const problems = [];
  try {
    server = await startProcesses('server', database.env, 1, { cpuProfDir: profDir });
    const [admin] = await devLoginMany(server.bases, ['bench-orglife-admin']);
    sql = await openSql(database.env);
    await sql.query(`INSERT INTO role_grants (userId, role, orgId, departmentId, scopeKey, grantedBy) VALUES (?, 'ADMIN', NULL, NULL, '-', NULL)`, [admin.userId]);
    const t = Date.now();
    const seeded = await seed(sql);
    log(`${label}: ${seeded.orgIds.length} branches, ${seeded.meetings} archived records in ${YEAR}, ${seeded.ruled} with 党小组会 required (${Date.now() - t} ms)`);
    const results = [];
    const windows = [];
    for (const period of PERIODS) {
      const checked = await check(server.bases[0], admin.token, sql, seeded, period);
      problems.push(...checked.problems);
      const path = `/api/committee/meeting-compliance?period=${period}&limit=20`;
      const r = await keepAliveLoad(server.bases[0], { path, token: admin.token, connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP });
      windows.push([period, r.window]);
      const non200 = Object.entries(r.statuses).filter(([s]) => s !== '200').reduce((n, [, v]) => n + v, 0);
      if (non200 || r.errors || r.completed === 0) problems.push(`${period}: ${r.completed} answers, ${non200} not 200, ${r.errors} socket errors`);
      results.push({
        database: label,
        period,
        'rows (org × kind)': checked.rows,
        overdue: checked.totals.overdue,
        'p50 ms': ms(pct(r.latencies, 50)),
        'p99 ms': ms(pct(r.latencies, 99)),
        'req/s': Math.round(r.completed / (r.wallMs / 1000)),
        requests: r.completed,
        goal: pct(r.latencies, 50) <= GOAL_P50_MS ? `≤ ${GOAL_P50_MS} ms ✔` : `> ${GOAL_P50_MS} ms ✖`,
      });
    }
    await server.stop();
    server = null;
    return { results, label, profDir, windows, problems: problems.map((p) => `${label}: ${p}`) };
  } finally {
    await server?.stop();
    await sql?.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const outcomes = [];
for (const db of DBS) outcomes.push(await runDatabase(db));
console.log(`\n组织生活 compliance: ${ORGS} branches × 12 months of records, as an admin, ${CONNECTIONS} keep-alive connection(s), ${SECONDS} s per period after ${WARMUP} s warm-up`);
console.table(outcomes.flatMap((o) => o.results));
if (CPU_PROF) {
  for (const o of outcomes) for (const [period, window] of o.windows) printProfile(`Torch Red server, period ${period}, ${o.label}`, o.profDir, window);
  console.log(`\nProfiles: ${PROF_ROOT}`);
}
const problems = outcomes.flatMap((o) => o.problems);
for (const p of problems) console.error(`✖ ${p}`);
console.log(problems.length ? `\n✖ ${problems.length} problem(s).` : '\nEvery answer 200; totals equal the rows; counts equal the database.');
process.exit(problems.length ? 1 : 0);
