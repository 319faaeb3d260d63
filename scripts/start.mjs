#!/usr/bin/env node
// The README's first command: install what is needed (pnpm included), build, then start the server
// (migrations and the demo seed run at start) at http://127.0.0.1:3000.
//
// Only what changed is redone: the install is skipped while the lockfile, the package.json files and
// Node are those of the last install; each package (shared, server, the mini-program's H5 app) is
// rebuilt only when a content hash of its sources (and of what it builds on) differs from the stamp
// written after its last build, or its output is missing or differs from what that build produced.
// The WeChat (weapp) build is not needed to run the server: `pnpm --filter @torch-red/miniapp build:weapp`.
// `npm start -- --rebuild` ignores the stamps.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePnpm, installEnv, must } from './lib.mjs';
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const REBUILD = process.argv.includes('--rebuild');
const STAMPS = join(root, 'node_modules', '.cache', 'torch-red-start');

const PACKAGES = [
  { name: '@torch-red/shared', dir: 'shared', script: 'build', output: 'shared/dist', entry: 'shared/dist/cjs/index.js', deps: [] },
  { name: '@torch-red/server', dir: 'server', script: 'build', output: 'server/dist', entry: 'server/dist/main.js', deps: ['@torch-red/shared'] },
  { name: '@torch-red/miniapp', dir: 'miniapp', script: 'build:h5', output: 'miniapp/dist/h5', entry: 'miniapp/dist/h5/index.html', deps: ['@torch-red/shared'], label: 'mini-program H5' },
];
const COMMON_INPUTS = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.base.json', '.npmrc'];
/** Generated or run-time folders and files inside a package that are never build inputs (as .gitignore). */
const SKIP_DIRS = new Set(['node_modules', 'dist', '.swc', 'coverage', 'data', 'uploads', 'test-results', 'artifacts', '.taro-cache', '.git']);
const SKIP_FILE = /(\.log|\.sqlite[^/]*|\.db|\.DS_Store)$/;

let pnpmCommand;
const pnpm = () => (pnpmCommand ??= ensurePnpm());

function readStamp(name) {
  try {
    return JSON.parse(readFileSync(join(STAMPS, `${name}.json`), 'utf8'));
  } catch {
    return null;
  }
}

function writeStamp(name, value) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(join(STAMPS, `${name}.json`), JSON.stringify(value));
}

/** Files of a package folder: git's view (tracked + untracked, minus ignored) when available, else a walk. */
function packageFiles(dir) {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', dir], { cwd: root, encoding: 'utf8' });
  let files;
  if (git.status === 0 && git.stdout) {
    files = git.stdout.split('\0').filter((f) => f && existsSync(join(root, f)));
  } else {
    files = [];
    const walk = (d) => {
      for (const entry of readdirSync(join(root, d), { withFileTypes: true })) {
        const rel = join(d, entry.name);
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) walk(rel);
        } else if (entry.isFile() && !SKIP_FILE.test(entry.name)) files.push(rel);
      }
    };
    walk(dir);
  }
  // Env files feed the build (Taro reads .env*) even when git ignores them.
  for (const entry of readdirSync(join(root, dir))) if (entry.startsWith('.env')) files.push(join(dir, entry));
  return [...new Set(files.map((f) => relative(root, join(root, f))))]
    .filter((f) => !f.split('/').some((part) => SKIP_DIRS.has(part)) && !SKIP_FILE.test(f))
    .sort();
}

function walkFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(join(root, d), { withFileTypes: true })) {
      const rel = join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  if (existsSync(join(root, dir))) walk(dir);
  return out.sort();
}

function hashFiles(files, extra = []) {
  const h = createHash('sha256');
  for (const x of extra) h.update(`${x}\0`);
  for (const f of files) {
    const path = join(root, f);
    if (!existsSync(path)) continue;
    h.update(`${f}\0`);
    h.update(readFileSync(path));
    h.update('\0');
  }
  return h.digest('hex');
}

// ── Install ──────────────────────────────────────────────────────────────────

const manifests = ['package.json', ...PACKAGES.map((p) => `${p.dir}/package.json`), 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc'];
const installHash = hashFiles(manifests, [process.version, process.platform, process.arch]);
const installed = existsSync(join(root, 'node_modules', '.modules.yaml')) && PACKAGES.every((p) => existsSync(join(root, p.dir, 'node_modules')));
if (!REBUILD && installed && readStamp('install')?.hash === installHash) {
  console.log('→ dependencies up to date');
} else {
  console.log('→ installing dependencies');
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, 'install', '--frozen-lockfile'], { env: installEnv() });
  writeStamp('install', { hash: installHash });
}

// ── Build what changed ───────────────────────────────────────────────────────

const hashes = new Map();
for (const p of PACKAGES) {
  const hash = hashFiles(packageFiles(p.dir), [
    ...p.deps.map((d) => hashes.get(d)),
    ...Object.entries(process.env).filter(([k]) => k.startsWith('TARO_')).map(([k, v]) => `${k}=${v}`).sort(),
    hashFiles(COMMON_INPUTS),
  ]);
  hashes.set(p.name, hash);
  const label = p.label ?? p.dir;
  // The output must be the one this stamp was written for (a build from other sources changes it).
  const stamp = readStamp(p.dir);
  const fresh = !REBUILD && existsSync(join(root, p.entry)) && stamp?.hash === hash && stamp.outputHash === hashFiles(walkFiles(p.output));
  if (fresh) {
    console.log(`→ ${label} up to date`);
    continue;
  }
  console.log(`→ building ${label}`);
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, '--filter', p.name, 'run', p.script], { env: installEnv() });
  if (!existsSync(join(root, p.entry))) {
    console.error(`✖ building ${label} did not produce ${p.entry}`);
    process.exit(1);
  }
  writeStamp(p.dir, { hash, outputHash: hashFiles(walkFiles(p.output)) });
}

// ── Start ────────────────────────────────────────────────────────────────────

console.log(`→ starting the server (prepared in ${seconds()} s)`);
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'server/dist/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const port = Number(process.env.PORT || 3000);
for (let i = 0; i < 600 && server.exitCode === null; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
      console.log(`✔ healthy after ${seconds()} s: http://127.0.0.1:${port}`);
      break;
    }
  } catch {
    /* starting */
  }
  await new Promise((r) => setTimeout(r, 200));
}
