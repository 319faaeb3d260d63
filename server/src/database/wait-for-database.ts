import { createConnection } from 'mysql2/promise';
import type { AppConfig } from '../config/app-config';
import { isConnectionError, isPermanentConnectionError } from './db-errors';

/** A start that cannot go on; main.ts prints its message as the one `Failed to start: …` line. */
export class StartupError extends Error {}

const RETRY_EVERY_MS = 2000;
const ATTEMPT_TIMEOUT_MS = 3000;

/** The database URL as it may appear in logs: the password masked. */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = e?.message || String(err);
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

/**
 * Before anything else touches MySQL, make sure it answers. While it does not, say so at once and
 * on every attempt, and give up after `DB_STARTUP_WAIT_SECONDS` with one clear error. A wrong
 * password or a missing database fails at once: waiting would not help.
 */
export async function waitForDatabase(config: AppConfig, log: (line: string) => void = (line) => console.warn(line)): Promise<void> {
  if (config.database.type !== 'mysql') return;
  const url = config.database.url;
  const where = maskDatabaseUrl(url);
  const waitMs = config.databaseTimeouts.startupWaitSeconds * 1000;
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = await createConnection({ uri: url, connectTimeout: ATTEMPT_TIMEOUT_MS });
      try {
        await connection.query({ sql: 'SELECT 1', timeout: ATTEMPT_TIMEOUT_MS });
      } finally {
        connection.destroy();
      }
      if (attempt > 1) log(`The database at ${where} answers; starting.`);
      return;
    } catch (err) {
      if (isPermanentConnectionError(err) || !isConnectionError(err)) {
        throw new StartupError(`cannot use the database at ${where}: ${describe(err)}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new StartupError(
          `the database at ${where} did not answer within ${config.databaseTimeouts.startupWaitSeconds} s (${describe(err)}). ` +
            'Check that it is running and reachable, or wait longer with DB_STARTUP_WAIT_SECONDS.',
        );
      }
      log(`Waiting for the database at ${where} (attempt ${attempt}: ${describe(err)}); trying again for up to ${Math.ceil(left / 1000)} s…`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_EVERY_MS, left)));
    }
  }
}
