import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { dataKeyProblem, passwordProblem, passwordProblemEn, secretProblem } from './secret-policy';

export const APP_CONFIG = Symbol('APP_CONFIG');

export type DatabaseConfig =
  | { type: 'mysql'; url: string }
  | { type: 'better-sqlite3'; path: string };

export interface DatabaseTimeouts {
  /** How long a start waits for an unreachable database, retrying, before giving up (DB_STARTUP_WAIT_SECONDS). */
  startupWaitSeconds: number;
  /** MySQL: a query with no answer for this long fails (503) instead of holding its request (DB_QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
  /** MySQL: opening a new connection gives up after this long. */
  connectTimeoutMs: number;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  isProduction: boolean;
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string;
  /** Uploaded images (LocalDiskStorage). */
  uploadDir: string;
  database: DatabaseConfig;
  databaseTimeouts: DatabaseTimeouts;
  seedDemo: boolean;
  /** Serve the OpenAPI docs at /api/docs (API_DOCS; on by default outside production). */
  apiDocs: boolean;
  devLogin: boolean;
  admin: { username: string; password: string; fromDefaults: boolean };
  jwt: { secret: string; userTtlSeconds: number; adminTtlSeconds: number };
  /** 32-byte key for AES-256-GCM encryption of personal data. */
  dataKey: Buffer;
  wechat: { appId: string; secret: string; apiBase: string; timeoutMs: number; templates: Record<string, string> };
  /** Run scheduled jobs (outbox, reminders) in this process; each job still takes a database lease. */
  scheduler: boolean;
  /**
   * Scheduled jobs: a running job's lease lasts leaseTtlMs and is renewed every quarter of that, so a
   * crashed holder is replaced after at most leaseTtlMs; on shutdown a process waits up to
   * shutdownGraceMs for its running jobs, then releases its leases. The outbox runs every
   * outboxIntervalMs with up to outboxConcurrency sends in flight.
   */
  jobs: { leaseTtlMs: number; shutdownGraceMs: number; outboxIntervalMs: number; outboxConcurrency: number };
  rateLimit: { loginPerMinute: number };
  /** Behind a load balancer: take the client's IP from X-Forwarded-For (rate limits per IP). */
  trustProxy: boolean;
  /** STUDY_POINT_CAPS, e.g. "LESSON_READ=6,STUDY_TIME=8"; parsed and checked by the study module at start. */
  studyPointCaps: string;
  logLevel: string;
}

export class ConfigError extends Error {}

const SERVER_ROOT = resolve(__dirname, '..', '..');
const DEV_ADMIN = { username: 'admin', password: 'torchred-admin' };

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`expected a boolean (1/0, true/false), got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  }
  return n;
}

/** Reads a secret kept in the data folder for development, creating it once. */
function devSecretFile(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString('base64');
  writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
  return value;
}

function parseDataKey(raw: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError('DATA_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}

/** The SQLite file and its -wal/-shm hold personal data: readable by the server's user only, like the keys. */
function restrictSqliteFiles(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Created here with 0600 before SQLite opens it; SQLite gives -wal/-shm the mode of the main file.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const isProduction = nodeEnv === 'production';
  const dataDir = env.DATA_DIR ? absolute(env.DATA_DIR) : join(SERVER_ROOT, 'data');
  const problems: string[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
      return fallback;
    }
  };

  let database: DatabaseConfig;
  if (env.DATABASE_URL) {
    if (!/^mysql:\/\/[^/]+\/[^/?]+/.test(env.DATABASE_URL)) {
      problems.push('DATABASE_URL must look like mysql://user:pass@host:3306/db');
    }
    database = { type: 'mysql', url: env.DATABASE_URL };
  } else {
    const path = env.SQLITE_PATH ? absolute(env.SQLITE_PATH) : join(dataDir, 'torch-red.sqlite');
    database = { type: 'better-sqlite3', path };
  }

  const devLoginRequested = attempt(() => flag(env.DEV_LOGIN, !isProduction), false);
  const seedDemo = attempt(() => flag(env.SEED_DEMO, !isProduction), false);
  if (isProduction && seedDemo) {
    problems.push('SEED_DEMO=1 is refused in production: the demo data includes an ADMIN with a publicly known openid. Unset SEED_DEMO');
  }
  const apiDocs = attempt(() => flag(env.API_DOCS, !isProduction), false);

  let jwtSecret = env.JWT_SECRET ?? '';
  let dataKeyRaw = env.DATA_KEY ?? '';
  let admin = { username: env.ADMIN_USERNAME ?? '', password: env.ADMIN_PASSWORD ?? '', fromDefaults: false };
  if (isProduction) {
    const secretIssue = secretProblem(env.JWT_SECRET);
    if (secretIssue) problems.push(`JWT_SECRET ${secretIssue}; production needs a random value (e.g. \`openssl rand -base64 32\`)`);
    if (!env.DATA_KEY?.trim()) problems.push('DATA_KEY must be set to a random 32-byte key in production (e.g. `openssl rand -hex 32`)');
    if (!admin.username) problems.push('ADMIN_USERNAME must be set in production');
    const passwordIssue = admin.password === DEV_ADMIN.password ? 'common' : passwordProblem(admin.password, admin.username);
    if (passwordIssue) problems.push(`ADMIN_PASSWORD must be ${passwordProblemEn(passwordIssue)} in production`);
  } else {
    if (!jwtSecret) jwtSecret = attempt(() => devSecretFile(dataDir, 'jwt-secret', 32), randomBytes(32).toString('base64'));
    if (!dataKeyRaw) dataKeyRaw = attempt(() => devSecretFile(dataDir, 'data-key', 32), randomBytes(32).toString('base64'));
    if (!admin.username || !admin.password) admin = { ...DEV_ADMIN, fromDefaults: true };
  }
  const dataKey = attempt(() => {
    const key = parseDataKey(dataKeyRaw);
    const keyIssue = isProduction ? dataKeyProblem(key) : null;
    if (keyIssue) throw new ConfigError(`DATA_KEY ${keyIssue}`);
    return key;
  }, Buffer.alloc(32));

  const config: AppConfig = {
    env: nodeEnv,
    isProduction,
    host: env.HOST || '0.0.0.0',
    port: attempt(() => int('PORT', env.PORT, 3000, 0, 65535), 3000),
    dataDir,
    uploadDir: env.UPLOAD_DIR ? absolute(env.UPLOAD_DIR) : join(dataDir, 'uploads'),
    h5Dir: env.H5_DIR ? absolute(env.H5_DIR) : resolve(SERVER_ROOT, '..', 'miniapp', 'dist', 'h5'),
    database,
    databaseTimeouts: {
      startupWaitSeconds: attempt(() => int('DB_STARTUP_WAIT_SECONDS', env.DB_STARTUP_WAIT_SECONDS, 60, 0, 3600), 60),
      queryTimeoutMs: attempt(() => int('DB_QUERY_TIMEOUT_MS', env.DB_QUERY_TIMEOUT_MS, 30000, 1000, 600000), 30000),
      connectTimeoutMs: 10000,
    },
    seedDemo,
    apiDocs,
    devLogin: devLoginRequested && !isProduction,
    admin,
    jwt: {
      secret: jwtSecret,
      userTtlSeconds: attempt(() => int('JWT_TTL_SECONDS', env.JWT_TTL_SECONDS, 7 * 24 * 3600, 60, 90 * 24 * 3600), 0),
      adminTtlSeconds: attempt(() => int('ADMIN_JWT_TTL_SECONDS', env.ADMIN_JWT_TTL_SECONDS, 12 * 3600, 60, 7 * 24 * 3600), 0),
    },
    dataKey,
    wechat: {
      appId: env.WECHAT_APPID ?? '',
      secret: env.WECHAT_SECRET ?? '',
      apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      timeoutMs: attempt(() => int('WECHAT_TIMEOUT_MS', env.WECHAT_TIMEOUT_MS, 5000, 100, 60000), 5000),
      templates: Object.fromEntries(
        Object.entries(env)
          .filter(([key, value]) => key.startsWith('WECHAT_TEMPLATE_') && value)
          .map(([key, value]) => [key.slice('WECHAT_TEMPLATE_'.length).toLowerCase(), value as string]),
      ),
    },
    scheduler: attempt(() => flag(env.SCHEDULER, nodeEnv !== 'test'), false),
    jobs: {
      leaseTtlMs: attempt(() => int('JOB_LEASE_TTL_MS', env.JOB_LEASE_TTL_MS, 20000, 1000, 600000), 20000),
      shutdownGraceMs: attempt(() => int('JOB_SHUTDOWN_GRACE_MS', env.JOB_SHUTDOWN_GRACE_MS, 10000, 0, 600000), 10000),
      outboxIntervalMs: attempt(() => int('OUTBOX_INTERVAL_MS', env.OUTBOX_INTERVAL_MS, 5000, 100, 3600000), 5000),
      outboxConcurrency: attempt(() => int('OUTBOX_CONCURRENCY', env.OUTBOX_CONCURRENCY, 4, 1, 32), 4),
    },
    rateLimit: {
      loginPerMinute: attempt(() => int('LOGIN_RATE_LIMIT_PER_MINUTE', env.LOGIN_RATE_LIMIT_PER_MINUTE, 30, 1, 100000), 30),
    },
    trustProxy: attempt(() => flag(env.TRUST_PROXY, false), false),
    studyPointCaps: env.STUDY_POINT_CAPS ?? '',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
  };
  if (database.type === 'better-sqlite3') {
    attempt(() => restrictSqliteFiles(database.path), undefined);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
