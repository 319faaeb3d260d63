// Helpers shared by the start and test scripts: find or install pnpm, run commands.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PNPM_VERSION = '12.4.2';

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function must(cmd, args, options = {}) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

function pnpmWorks(cmd, prefixArgs) {
  const r = spawnSync(cmd, [...prefixArgs, '--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === PNPM_VERSION;
}

/** Returns [command, prefixArgs] for pnpm 12.4.2, installing it with npm when missing. */
export function ensurePnpm() {
  if (pnpmWorks('pnpm', [])) return ['pnpm', []];
  console.log(`→ installing pnpm ${PNPM_VERSION} with npm`);
  if (run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]) === 0 && pnpmWorks('pnpm', [])) return ['pnpm', []];
  // No permission for a global install: run it through npx instead.
  if (pnpmWorks('npx', ['--yes', `pnpm@${PNPM_VERSION}`])) return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
  console.error(`Could not install pnpm ${PNPM_VERSION}. Install it with: npm install -g pnpm@${PNPM_VERSION}`);
  process.exit(1);
}

/** Native addons (better-sqlite3) build against the machine's Node headers when they are installed. */
export function installEnv() {
  const env = { npm_config_manage_package_manager_versions: 'false' };
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  return env;
}
