#!/usr/bin/env node
// The benchmarks at a tiny size, as one step of `npm test`: they still run, and the counts in the
// database are exact (no timing assertion). Exit 1 when any fails. Runs on the databases the e2e
// tests use: E2E_DATABASES (default sqlite,mysql; activity-list on MariaDB only unless that is excluded)
// and E2E_MYSQL_URL.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dbs = (process.env.E2E_DATABASES ?? 'sqlite,mysql').split(',').map((s) => s.trim()).filter((d) => d === 'sqlite' || d === 'mysql');
const runs = [
  ['signup-burst.mjs', dbs.join(',')],
  ['activity-list.mjs', dbs.includes('mysql') ? 'mysql' : dbs.join(',')],
  ['roster-import.mjs', dbs.join(',')],
  ['meeting-compliance.mjs', dbs.join(',')],
];
let failed = 0;
for (const [script, db] of runs) {
  if (!db) continue;
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(here, script), '--smoke', '--db', db], { stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? '✔' : '✖'} bench ${script} --smoke (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
