import Database from 'better-sqlite3';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Another process holds the SQLite database: the embedded default serves one process only. */
export class SqliteInUseError extends Error {}

interface Held {
  db: Database.Database;
  count: number;
}

const held = new Map<string, Held>();

export interface SqliteLock {
  release(): void;
}

/**
 * Claims the SQLite database at `dbPath` for this process, or throws SqliteInUseError at once.
 *
 * The claim is an exclusive SQLite lock on a small side file (`<db>.lock`), i.e. an OS-level file
 * lock: it is released by the operating system when the process dies, even by kill -9, so there is
 * never a stale lock to clean up, and it does not stand in the way of tools reading the database
 * itself. `<db>.lock.pid` names the holder for the error message only. Re-entrant within a process
 * (the app and its migrations both claim it).
 */
export function acquireSqliteLock(dbPath: string): SqliteLock {
  const existing = held.get(dbPath);
  if (existing) {
    existing.count++;
    return once(() => release(dbPath));
  }
  const lockPath = `${dbPath}.lock`;
  const db = new Database(lockPath);
  try {
    chmodSync(lockPath, 0o600);
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      const owner = readOwner(`${lockPath}.pid`);
      throw new SqliteInUseError(
        `the SQLite database ${dbPath} is in use by another server process${owner ? ` (${owner})` : ''}. ` +
          'The embedded SQLite database serves one process only: stop the other process, or use MySQL (DATABASE_URL) to run several.',
      );
    }
    throw err;
  }
  try {
    writeFileSync(`${lockPath}.pid`, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`, { mode: 0o600 });
  } catch {
    /* the note is only for the message */
  }
  held.set(dbPath, { db, count: 1 });
  return once(() => release(dbPath));
}

function release(dbPath: string): void {
  const entry = held.get(dbPath);
  if (!entry || --entry.count > 0) return;
  held.delete(dbPath);
  rmSync(`${dbPath}.lock.pid`, { force: true });
  entry.db.close();
}

function once(fn: () => void): SqliteLock {
  let done = false;
  return {
    release: () => {
      if (done) return;
      done = true;
      fn();
    },
  };
}

function readOwner(pidFile: string): string | undefined {
  try {
    const [pid, host, since] = readFileSync(pidFile, 'utf8').trim().split(' ');
    return pid ? `PID ${pid}${host ? ` on ${host}` : ''}${since ? `, started ${since}` : ''}` : undefined;
  } catch {
    return undefined;
  }
}
