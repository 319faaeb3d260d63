#!/usr/bin/env node
// What the H5 app costs on the wire: starts the built server (SQLite, demo data) and loads `/` in Chromium
// twice with an empty cache — as a visitor (until the sign-in page shows) and as a signed-in member (until
// the home page shows) — and prints the JS + CSS bytes transferred (encoded body sizes, i.e. after
// Content-Encoding) and whether any of the home page's own chunks were fetched before the sign-in page.
//
//   node scripts/bench/h5-transfer.mjs            (after `pnpm build`; needs /usr/bin/chromium)
//   node scripts/bench/h5-transfer.mjs --json     (one JSON line at the end, for scripts)
//   node scripts/bench/h5-transfer.mjs --budget 250   (exit 1 when the member's JS + CSS exceed 250 KB,
//                                                      or a visitor fetched home-page code)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, parseArgs, ROOT, sleep } from './bench-lib.mjs';

const args = parseArgs();
const H5 = join(ROOT, 'miniapp', 'dist', 'h5');
const MAIN = join(ROOT, 'server', 'dist', 'main.js');
if (!existsSync(join(H5, 'index.html')) || !existsSync(MAIN)) {
  console.error('Build first: pnpm build (needs miniapp/dist/h5 and server/dist/main.js).');
  process.exit(2);
}
const { chromium } = createRequire(join(ROOT, 'miniapp', 'package.json'))('playwright-core');

/**
 * The home page's own chunks: the built files that carry its BEM block (`home-page`) — its JS module
 * (className strings) and its stylesheet. A visitor must not fetch any of them before the sign-in page.
 */
function homePageAssets() {
  const found = new Set();
  for (const dir of ['js', 'css']) {
    for (const name of readdirSync(join(H5, dir))) {
      if (!/\.(js|css)$/.test(name)) continue;
      if (/\bhome-page\b/.test(readFileSync(join(H5, dir, name), 'utf8'))) found.add(`/${dir}/${name}`);
    }
  }
  return found;
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'torch-red-h5-transfer-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SQLITE_PATH: join(dataDir, 'h5.sqlite'),
      DATABASE_URL: '',
      H5_DIR: H5,
      LOG_LEVEL: 'warn',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  // Never leave the server behind, whatever ends this script.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  for (let t = 0; ; t++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (t > 400) throw new Error('server did not start');
    await sleep(150);
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10000)]);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function newContext(browser, storageState) {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', storageState });
}

/** Loads `/` in a fresh context and records every JS/CSS response until `ready` resolves. */
async function load(context, base, ready) {
  const page = await context.newPage();
  const assets = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!/\.(js|css)$/.test(url.pathname)) return;
    const at = Date.now();
    // Sizes arrive asynchronously; a page closed meanwhile just drops them (they came after `ready`).
    Promise.all([request.response(), request.sizes()])
      .then(([response, sizes]) => assets.push({ path: url.pathname, at, encoding: response?.headers()['content-encoding'] ?? 'identity', bytes: sizes.responseBodySize }))
      .catch(() => {});
  });
  await page.goto(`${base}/`);
  await ready(page);
  const readyAt = Date.now();
  // Let late requests finish so the sizes are complete, then count only what came before `ready`.
  await page.waitForLoadState('networkidle');
  return { page, readyAt, assets };
}

function summarise(label, run, homeAssets) {
  const before = run.assets.filter((a) => a.at <= run.readyAt + 50);
  const js = before.filter((a) => a.path.endsWith('.js')).reduce((n, a) => n + a.bytes, 0);
  const css = before.filter((a) => a.path.endsWith('.css')).reduce((n, a) => n + a.bytes, 0);
  const encodings = [...new Set(before.map((a) => a.encoding))].join(', ');
  const home = before.filter((a) => homeAssets.has(a.path)).map((a) => a.path);
  return { label, files: before.length, jsBytes: js, cssBytes: css, totalKB: +((js + css) / 1024).toFixed(1), encodings, homeChunks: home };
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let results;
try {
  const homeAssets = homePageAssets();

  // A visitor: no token; the run ends when the sign-in page shows its demo people.
  const visitorContext = await newContext(browser);
  const visitor = await load(visitorContext, server.url, async (page) => {
    await page.waitForURL(/#\/pages\/login\/index/, { timeout: 30000 });
    await page.locator('.demo-person').first().waitFor({ timeout: 30000 });
  });
  // Sign in there, keep only the storage (the token), and start the member with an empty cache.
  await visitor.page.locator('.demo-person').first().click();
  await visitor.page.waitForURL(/#\/pages\/index\/index/, { timeout: 30000 });
  const storage = await visitorContext.storageState();
  await visitorContext.close();

  const memberContext = await newContext(browser, storage);
  const member = await load(memberContext, server.url, async (page) => {
    await page.locator('.home-page').first().waitFor({ timeout: 30000 });
  });
  const visitedLogin = member.page.url().includes('/pages/login/');
  await memberContext.close();
  if (visitedLogin) throw new Error('the member was sent to the sign-in page: the stored token was not picked up');

  results = [summarise('visitor → sign-in page', visitor, homeAssets), summarise('member → home page', member, homeAssets)];
} finally {
  await browser.close();
  await server.stop();
}

console.log('\nH5 first load of / (empty cache), JS + CSS as transferred');
for (const r of results) {
  console.log(
    `  ${r.label.padEnd(24)} ${String(r.files).padStart(3)} files  JS ${(r.jsBytes / 1024).toFixed(1).padStart(7)} KB  CSS ${(r.cssBytes / 1024).toFixed(1).padStart(6)} KB  total ${String(r.totalKB).padStart(7)} KB  (${r.encodings})`,
  );
}
const visitorHome = results[0].homeChunks;
// The marker must find the home page's code in what the member loaded, or the visitor check proves nothing.
if (results[1].homeChunks.length === 0) {
  console.error('✖ no home-page chunk found among the member\'s files: the `home-page` marker no longer identifies them');
  process.exit(1);
}
console.log(`  home-page chunks fetched before the sign-in page: ${visitorHome.length ? `yes (${visitorHome.join(', ')})` : 'no'} (the member's load has ${results[1].homeChunks.length})`);
if (args.json) console.log(JSON.stringify(results));

if (args.budget !== undefined) {
  const budget = Number(args.budget);
  const over = results[1].totalKB > budget;
  if (over) console.error(`✖ the member's first load transfers ${results[1].totalKB} KB of JS + CSS (budget ${budget} KB)`);
  if (visitorHome.length) console.error('✖ a visitor downloads home-page code before the sign-in page');
  process.exit(over || visitorHome.length ? 1 : 0);
}
