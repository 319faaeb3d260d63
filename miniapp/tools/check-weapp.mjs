#!/usr/bin/env node
// Checks the weapp build (dist/weapp) with WeChat's own compile module, miniprogram-ci, offline:
//  - package sizes as WeChat counts them (`analyseCode`): the main package must stay within the budget
//    (start-up time follows it), each subpackage within WeChat's 2 MB, the whole within 20 MB;
//  - app.json and every page's json against WeChat's schema (`schemaValidate`): no error, no unknown key;
//  - every declared page exists in the build, and preloadRule names real pages and subpackages.
// Exit 1 on any failure. Run after `pnpm build:weapp`:  node tools/check-weapp.mjs [--budget-kb 600]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectPath = join(here, '..', 'dist', 'weapp');
const budgetArg = process.argv.indexOf('--budget-kb');
const MAIN_BUDGET = (budgetArg > -1 ? Number(process.argv[budgetArg + 1]) : 600) * 1024;
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

if (!existsSync(join(projectPath, 'app.json'))) {
  console.error('✖ no weapp build: run `pnpm --filter @torch-red/miniapp build:weapp` first');
  process.exit(1);
}

const ci = createRequire(import.meta.url)('miniprogram-ci');
const failures = [];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ── Sizes ─────────────────────────────────────────────────────────────────────
// The project needs a private key file for upload; these offline calls never read it.
const keyDir = mkdtempSync(join(tmpdir(), 'weapp-check-'));
const keyPath = join(keyDir, 'private.key');
writeFileSync(keyPath, 'unused: analyseCode and schemaValidate work offline\n');
let sizes;
try {
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });
  const analysis = await ci.analyseCode(project, { silent: true });
  if (!analysis?.files?.length) throw new Error('analyseCode returned no files');
  sizes = new Map();
  for (const file of analysis.files) {
    const pkg = file.subPackage ? file.subPackage.replace(/\/$/, '') : 'main';
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + file.size);
  }
} finally {
  rmSync(keyDir, { recursive: true, force: true });
}

const main = sizes.get('main') ?? 0;
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log('weapp packages (miniprogram-ci analyseCode)');
for (const [pkg, size] of [...sizes].sort((a, b) => (a[0] === 'main' ? -1 : b[0] === 'main' ? 1 : b[1] - a[1]))) {
  const limit = pkg === 'main' ? MAIN_BUDGET : SUBPACKAGE_LIMIT;
  console.log(`  ${pkg.padEnd(22)} ${kb(size).padStart(10)}   (limit ${kb(limit)})`);
  if (size > limit) failures.push(`${pkg} is ${kb(size)}, over ${kb(limit)}`);
}
console.log(`  ${'total'.padEnd(22)} ${kb(total).padStart(10)}`);
if (total > TOTAL_LIMIT) failures.push(`the whole app is ${kb(total)}, over ${kb(TOTAL_LIMIT)}`);

// ── Schemas and structure ─────────────────────────────────────────────────────
const readJson = (file) => JSON.parse(readFileSync(join(projectPath, file), 'utf8'));
function validate(kind, file, json) {
  const result = ci.schemaValidate(kind, json);
  for (const e of result.error ?? []) failures.push(`${file}: ${e.errorProperty} should be ${[].concat(e.correctType).join(' | ')} (${e.errorType})`);
  if (result.warning) failures.push(`${file}: unknown keys ${result.warning}`);
}

const app = readJson('app.json');
validate('app', 'app.json', app);
const subPackages = app.subPackages ?? app.subpackages ?? [];
const pages = [...app.pages, ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
for (const page of pages) {
  for (const ext of ['js', 'wxml']) if (!existsSync(join(projectPath, `${page}.${ext}`))) failures.push(`${page}.${ext} is missing from the build`);
  if (existsSync(join(projectPath, `${page}.json`))) validate('page', `${page}.json`, readJson(`${page}.json`));
}
for (const tab of app.tabBar?.list ?? []) {
  if (!app.pages.includes(tab.pagePath)) failures.push(`tab page ${tab.pagePath} is not in the main package`);
}
const roots = subPackages.map((p) => p.root.replace(/\/$/, ''));
for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
  if (!pages.includes(page)) failures.push(`preloadRule names ${page}, which is not a page`);
  for (const pkg of rule.packages ?? []) if (!roots.includes(pkg.replace(/\/$/, '')) && !subPackages.some((p) => p.name === pkg)) failures.push(`preloadRule of ${page} names ${pkg}, which is not a subpackage`);
}

// The 管理后台 is for a handful of admins: a subpackage of its own that nothing preloads for everyone, and none of
// its code in the main package (its layout's class name would show in the main package's scripts or styles).
const ADMIN_ROOT = 'packages/admin';
const ADMIN_MARKER = 'admin-layout__nav';
if (!roots.includes(ADMIN_ROOT)) failures.push(`${ADMIN_ROOT} is not a subpackage`);
if (app.pages.some((page) => page.startsWith(`${ADMIN_ROOT}/`))) failures.push(`a ${ADMIN_ROOT} page is in the main package`);
for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
  if ((rule.packages ?? []).some((pkg) => pkg.replace(/\/$/, '') === ADMIN_ROOT)) failures.push(`preloadRule of ${page} preloads ${ADMIN_ROOT}`);
}
const packageFiles = (dir) =>
  readdirSync(join(projectPath, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return roots.includes(path) ? [] : packageFiles(path);
    return /\.(js|wxss|wxml)$/.test(entry.name) ? [path] : [];
  });
const leaked = packageFiles('').filter((file) => readFileSync(join(projectPath, file), 'utf8').includes(ADMIN_MARKER));
for (const file of leaked) failures.push(`${file} (main package) holds 管理后台 code (${ADMIN_MARKER})`);
// The marker must be where the layout is, or the search above proves nothing.
if (roots.includes(ADMIN_ROOT) && !packageFiles(ADMIN_ROOT).some((file) => readFileSync(join(projectPath, file), 'utf8').includes(ADMIN_MARKER))) {
  failures.push(`${ADMIN_ROOT} does not hold its layout (${ADMIN_MARKER}): the main-package check above is void`);
}
console.log(`schema: app.json and ${pages.length} page json files checked`);

if (failures.length) {
  for (const f of failures) console.error(`✖ ${f}`);
  process.exit(1);
}
console.log(`✔ main package ${kb(main)} within ${kb(MAIN_BUDGET)}; schemas clean`);
// miniprogram-ci leaves watchers open: leave explicitly.
process.exit(0);
