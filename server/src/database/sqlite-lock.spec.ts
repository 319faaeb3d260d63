import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireSqliteLock, SqliteInUseError } from './sqlite-lock';

describe('acquireSqliteLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is re-entrant within the process and names the holder while held', () => {
    const path = join(dir, 'a.sqlite');
    const app = acquireSqliteLock(path);
    const migrations = acquireSqliteLock(path);
    expect(existsSync(`${path}.lock.pid`)).toBe(true);
    migrations.release();
    migrations.release(); // a second release of the same claim changes nothing
    expect(existsSync(`${path}.lock.pid`)).toBe(true);
    app.release();
    expect(existsSync(`${path}.lock.pid`)).toBe(false);
  });

  it('refuses at once while another connection (another process) holds the file', () => {
    const path = join(dir, 'b.sqlite');
    const other = new Database(`${path}.lock`);
    other.exec('BEGIN EXCLUSIVE');
    writeFileSync(`${path}.lock.pid`, '4242 other-host 2026-11-30T10:00:00.000Z\n');
    try {
      expect(() => acquireSqliteLock(path)).toThrow(SqliteInUseError);
      expect(() => acquireSqliteLock(path)).toThrow(`the SQLite database ${path} is in use by another server process (PID 4242 on other-host, started 2026-11-30T10:00:00.000Z)`);
    } finally {
      other.close();
    }
    // Once the holder is gone (closed, or its process died), the lock is free: nothing stale is left.
    const mine = acquireSqliteLock(path);
    mine.release();
  });
});
