#!/usr/bin/env node
// The README's second command: builds, then runs every suite — type checks, lint, unit tests, the server's
// e2e tests on SQLite and MariaDB, the mini-program's component tests, the weapp package check (miniprogram-ci) and the browser tests in Chromium —
// and ends with one line totalling them: "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePnpm, installEnv, run } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const work = mkdtempSync(join(tmpdir(), 'torch-red-test-'));
const results = [];
const [pnpm, pre] = ensurePnpm();

function record(name, passed, failed, seconds) {
  results.push({ name, passed, failed, seconds });
  console.log(`\n■ ${name}: ${passed} passed, ${failed} failed (${seconds.toFixed(1)} s)\n`);
}

/** A check without test counts (build, typecheck, lint) counts as one test. */
function check(name, cmd, args, options = {}) {
  const started = Date.now();
  const status = run(cmd, args, { cwd: root, ...options });
  record(name, status === 0 ? 1 : 0, status === 0 ? 0 : 1, (Date.now() - started) / 1000);
  return status === 0;
}

function jest(name, cwd, args, env = {}) {
  const started = Date.now();
  const out = join(work, `${name.replace(/\W+/g, '-')}.json`);
  run(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), ...args, '--json', `--outputFile=${out}`], { cwd, env });
  let passed = 0;
  let failed = 1;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    // A suite that fails to load has no failed tests of its own: count it as a failure.
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
    if (report.numTotalTests === 0 && report.numRuntimeErrorTestSuites === 0) failed = 1;
  }
  record(name, passed, failed, (Date.now() - started) / 1000);
}

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/** Playwright Test, counted from its JSON report (expected = passed; unexpected and flaky = failed; no retries). */
function playwright(name, cwd, env = {}) {
  const started = Date.now();
  const out = join(work, `${name.replace(/\W+/g, '-')}.json`);
  run(process.execPath, [join(cwd, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.config.ts', '--reporter=list,json'], {
    cwd,
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  let passed = 0;
  let failed = 1;
  if (existsSync(out)) {
    const { stats, errors = [] } = JSON.parse(readFileSync(out, 'utf8'));
    passed = stats.expected;
    failed = stats.unexpected + stats.flaky + errors.length;
    if (stats.expected + stats.unexpected + stats.flaky === 0) failed = Math.max(failed, 1);
  }
  record(name, passed, failed, (Date.now() - started) / 1000);
}

async function browserSuite() {
  if (!existsSync(join(root, 'miniapp/playwright.config.ts'))) return;
  const port = await freePort();
  const dataDir = join(work, 'browser-data');
  const server = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SQLITE_PATH: join(dataDir, 'e2e.sqlite'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    if (!(await waitForHealth(base, server))) {
      record('miniapp: browser (Chromium)', 0, 1, 0);
      return;
    }
    playwright('miniapp: browser (Playwright, Chromium)', join(root, 'miniapp'), { E2E_BASE_URL: base });
  } finally {
    server.kill('SIGTERM');
  }
}

const started = Date.now();
const built = check('build (shared, server, miniapp h5 + weapp)', pnpm, [...pre, 'build'], { env: installEnv() });
if (!built) {
  // Every later suite reads a build output (shared/dist, server/dist, miniapp/dist): testing a stale one would lie.
  console.error('\n✖ The build failed (see above). Fix it first: no suite runs against an out-of-date build.\n');
  rmSync(work, { recursive: true, force: true });
  console.log('0 passed, 1 failed');
  process.exit(1);
}
check('weapp packages: main ≤ 600 KB and app/page json schemas (miniprogram-ci)', process.execPath, ['miniapp/tools/check-weapp.mjs']);
check('typecheck', pnpm, [...pre, '-r', 'typecheck']);
check('lint', pnpm, [...pre, '-r', 'lint']);
jest('shared: unit', join(root, 'shared'), []);
jest('server: unit', join(root, 'server'), ['--selectProjects', 'unit']);
jest('server: e2e (SQLite + MariaDB)', join(root, 'server'), ['--selectProjects', 'e2e', '--runInBand']);
check('benchmarks: smoke, exact counts (SQLite + MariaDB)', process.execPath, ['scripts/bench/smoke.mjs']);
if (existsSync(join(root, 'miniapp/jest.config.js'))) jest('miniapp: components', join(root, 'miniapp'), []);
await browserSuite();
check('H5 first load: member ≤ 250 KB JS + CSS, no home-page code for a visitor (Chromium)', process.execPath, ['scripts/bench/h5-transfer.mjs', '--budget', '250']);

rmSync(work, { recursive: true, force: true });
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSummary');
for (const r of results) console.log(`  ${r.failed ? '✖' : '✔'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(1)} s)`);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
