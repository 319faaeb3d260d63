#!/usr/bin/env node
// The README's first command: install what is needed (pnpm included), build, then start the server
// (migrations and the demo seed run at start) at http://127.0.0.1:3000.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePnpm, installEnv, must } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const [pnpm, pre] = ensurePnpm();
console.log('→ installing dependencies');
must(pnpm, [...pre, 'install', '--frozen-lockfile'], { env: installEnv() });
console.log('→ building shared, server and the mini-program (H5 + weapp)');
must(pnpm, [...pre, 'build'], { env: installEnv() });

console.log('→ starting the server');
const server = spawn(process.execPath, ['server/dist/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
