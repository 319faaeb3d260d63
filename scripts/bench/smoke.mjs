#!/usr/bin/env node
// Both benchmarks at a tiny size, as one step of `npm test`: they still run, and the counts in the
// database are exact (no timing assertion). Exit 1 when either fails.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const script of ['signup-burst.mjs', 'activity-list.mjs']) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(here, script), '--smoke'], { stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? '✔' : '✖'} bench ${script} --smoke (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
