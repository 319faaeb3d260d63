#!/usr/bin/env node
// Roster import at scale: builds a 10,000-row roster .xlsx (the template's columns, people spread over the
// demo's enterprise Party organisations, one in twenty a 书记) and imports it as an admin through the real
// route, POST /api/workspace/roster/import, on the built server (node server/dist/main.js). Three runs:
//   1. first import   (every row creates a person and, for 书记, a SECRETARY grant)
//   2. same file again (nothing changes: every row is matched by phone hash)
//   3. edited file     (every row changes: name and political status, half the 书记 step down)
// Prints seconds per run and checks the counts in the database. Goal: ≤ 10 s per run on MariaDB.
//
//   pnpm --filter @torch-red/shared build && pnpm --filter @torch-red/server build
//   node scripts/bench/roster-import.mjs [--rows 10000] [--db mysql|sqlite|both (default both)] [--smoke]
// --smoke: 200 rows (no timing assertion; exit 1 on a wrong answer or wrong counts).
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, databasesOf, devLoginMany, openSql, parseArgs, requireServer, startProcesses } from './bench-lib.mjs';

const args = parseArgs();
const SMOKE = Boolean(args.smoke);
const ROWS = Number(args.rows ?? (SMOKE ? 200 : 10000));
const DBS = databasesOf(args.db, 'both');
const GOAL_SECONDS = 10;
const STATUSES = ['正式党员', '预备党员', '入党积极分子', '群众'];
const log = (...a) => console.error('  ·', ...a);

async function rosterXlsx(orgs, enterprises, edited) {
  const ExcelJS = requireServer('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['姓名', '手机号', '所在党组织', '政治面貌', '所在企业', '党内职务', '入党日期']);
  for (let i = 0; i < ROWS; i++) {
    const org = orgs[i % orgs.length];
    const status = STATUSES[(i + (edited ? 1 : 0)) % STATUSES.length];
    const isMember = status === '正式党员' || status === '预备党员';
    const secretary = isMember && i % 20 === 0 && !(edited && i % 40 === 0);
    sheet.addRow([
      `${edited ? '压测改' : '压测'}${i + 1}`,
      `139${String(i).padStart(8, '0')}`,
      org.name,
      status,
      org.enterpriseName ?? (i % 3 === 0 ? enterprises[i % enterprises.length] : ''),
      isMember ? (secretary ? '书记' : '党员') : '',
      isMember ? `20${String(10 + (i % 15)).padStart(2, '0')}-07-01` : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One multipart POST with the file in the field `file`. */
function upload(base, path, token, file) {
  const boundary = `----bench${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const body = Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.host,
        port: base.port,
        method: 'POST',
        path,
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runDatabase(db) {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-bench-roster-'));
  const database = await createDatabase(db, dir, 'roster');
  const label = db === 'mysql' ? 'MariaDB' : 'SQLite';
  let server;
  let sql;
  const problems = [];
  const figures = [];
  try {
    server = await startProcesses('server', database.env, 1);
    const [adminPerson] = await devLoginMany(server.bases, ['demo-admin-xuhong']);
    sql = await openSql(database.env);
    const orgs = await sql.query(
      `SELECT o.name AS name, e.name AS enterpriseName FROM orgs o LEFT JOIN enterprises e ON e.id = o.enterpriseId WHERE o.type IN ('PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') ORDER BY o.id`,
    );
    const enterprises = (await sql.query('SELECT name FROM enterprises ORDER BY id')).map((e) => e.name);
    if (orgs.length === 0) throw new Error('no enterprise Party organisations: the demo seed did not run');
    const [{ n: before }] = await sql.query('SELECT COUNT(*) AS n FROM users');

    const t0 = Date.now();
    const [first, edited] = [await rosterXlsx(orgs, enterprises, false), await rosterXlsx(orgs, enterprises, true)];
    log(`${label}: built two ${ROWS}-row rosters over ${orgs.length} orgs (${(first.length / 1024).toFixed(0)} KB, ${Date.now() - t0} ms)`);

    const secretaries = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 20 === 0 && [0, 1].includes(i % 4)).length;
    const steppedDown = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 40 === 0 && [0, 1].includes(i % 4)).length;
    const runs = [
      { name: 'first import', file: first, expect: { created: ROWS, updated: 0, unchanged: 0, rolesGranted: secretaries, rolesRevoked: 0 } },
      { name: 'same file again', file: first, expect: { created: 0, updated: 0, unchanged: ROWS } },
      { name: 'every row edited', file: edited, expect: { created: 0, updated: ROWS, unchanged: 0 } },
    ];
    for (const run of runs) {
      const started = performance.now();
      const res = await upload(server.bases[0], '/api/workspace/roster/import', adminPerson.token, run.file);
      const seconds = (performance.now() - started) / 1000;
      if (res.status !== 201) problems.push(`${run.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      for (const [k, v] of Object.entries(run.expect)) if (res.body?.[k] !== v) problems.push(`${run.name}: ${k} = ${res.body?.[k]}, expected ${v}`);
      figures.push({ db: label, run: run.name, rows: ROWS, seconds, answer: res.body });
      console.log(`${label.padEnd(8)} ${run.name.padEnd(18)} ${ROWS} rows  ${seconds.toFixed(2)} s  ${JSON.stringify(res.body)}`);
    }
    const [{ n: after }] = await sql.query('SELECT COUNT(*) AS n FROM users');
    if (Number(after) - Number(before) !== ROWS) problems.push(`users grew by ${Number(after) - Number(before)}, expected ${ROWS}`);
    const [{ n: grants }] = await sql.query(`SELECT COUNT(*) AS n FROM role_grants g JOIN users u ON u.id = g.userId WHERE u.name LIKE '压测%' AND g.role = 'SECRETARY'`);
    if (Number(grants) !== secretaries - steppedDown) problems.push(`${grants} SECRETARY grants, expected ${secretaries - steppedDown}`);
  } finally {
    await server?.stop();
    await sql?.close();
    await database.drop();
  }
  return { problems, figures };
}

const all = [];
const problems = [];
for (const db of DBS) {
  const r = await runDatabase(db);
  all.push(...r.figures);
  problems.push(...r.problems.map((p) => `${db}: ${p}`));
}
const slow = all.filter((f) => f.db === 'MariaDB' && f.seconds > GOAL_SECONDS);
if (!SMOKE && slow.length) console.log(`✖ over the ${GOAL_SECONDS} s goal on MariaDB: ${slow.map((f) => `${f.run} ${f.seconds.toFixed(2)} s`).join(', ')}`);
if (problems.length) {
  console.error(problems.map((p) => `✖ ${p}`).join('\n'));
  process.exit(1);
}
