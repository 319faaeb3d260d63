import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { acquireSqliteLock } from './sqlite-lock';

/**
 * The MySQL named lock for one database's migrations. Named locks are server-wide, so the name
 * carries the database: deployments (and test runs) sharing a server do not wait on each other.
 */
export function migrationLockName(database: string): string {
  const name = `torch_red_migrations:${database}`;
  return name.length <= 64 ? name : `torch_red_migrations:${createHash('sha256').update(database).digest('hex').slice(0, 40)}`;
}

/**
 * Runs pending migrations, one process at a time: on MySQL a named lock makes concurrent server
 * starts take turns; on SQLite the process lock on the file refuses a second process.
 *
 * MySQL commits each DDL statement on its own, so `transaction: 'each'` cannot make a migration
 * atomic there. What makes a migration interrupted halfway (kill -9, OOM) recoverable is that every
 * migration is written with MigrationSteps, whose steps skip what already exists: the next start
 * runs the unrecorded migration again and it completes.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  await withoutQueryTimeout(dataSource, async () => {
    if (dataSource.options.type !== 'mysql') {
      const lock = acquireSqliteLock(String(dataSource.options.database));
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        lock.release();
      }
      return;
    }
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const lock = migrationLockName(String(dataSource.driver.database));
      const [row] = (await runner.query('SELECT GET_LOCK(?, 120) AS got', [lock])) as Array<{ got: number | string }>;
      if (Number(row?.got) !== 1) throw new Error('Could not take the migration lock within 120 s');
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
      }
    } finally {
      await runner.release();
    }
  });
}

/** Migrations (and waiting for the migration lock) may take longer than a request's query timeout. */
async function withoutQueryTimeout(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  // The MySQL driver reads its own copy of the options on every query.
  const options = dataSource.driver.options as { enableQueryTimeout?: boolean };
  const before = options.enableQueryTimeout;
  options.enableQueryTimeout = false;
  try {
    await work();
  } finally {
    options.enableQueryTimeout = before;
  }
}
