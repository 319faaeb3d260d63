import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source';
import { migrationLockName, runMigrations } from '../src/database/migrate';
import { schemaSnapshot, type SchemaSnapshot } from './support/schema';
import { mainIsBuilt, ServerProcess } from './support/server-process';
import { DATABASES } from './support/test-app';

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const run = DATABASES.includes('mysql') && mainIsBuilt();

async function adminQuery(sql: string): Promise<void> {
  const conn = await createConnection(`${MYSQL_BASE}/test`);
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}

/**
 * kill -9 of real server processes (node dist/main.js) while they migrate an empty MariaDB database,
 * at many points: each kill lands when the schema has reached a given number of tables. Every later
 * start must succeed, and the schema must equal that of a clean migration.
 */
(run ? describe : describe.skip)('kill -9 during migrations on MariaDB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-migcrash-'));
  const prefix = `tr_migcrash_${process.pid}`;
  let reference: SchemaSnapshot;
  let monitor: Connection;

  beforeAll(async () => {
    // The reference: the same migrations, run once without interruption.
    await adminQuery(`CREATE DATABASE \`${prefix}_ref\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const ds = new DataSource(dataSourceOptions({ type: 'mysql', url: `${MYSQL_BASE}/${prefix}_ref` }));
    await ds.initialize();
    await runMigrations(ds);
    reference = await schemaSnapshot((sql, params) => ds.query(sql, params), 'mysql');
    await ds.destroy();
    monitor = await createConnection(`${MYSQL_BASE}/test`);
  });

  afterAll(async () => {
    await monitor?.end();
    for (const suffix of ['ref', 'a', 'c']) await adminQuery(`DROP DATABASE IF EXISTS \`${prefix}_${suffix}\``);
    rmSync(dir, { recursive: true, force: true });
  });

  const tableCount = async (db: string): Promise<number> => {
    const [rows] = await monitor.query('SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [db]);
    return Number((rows as Array<{ n: number }>)[0].n);
  };
  const lockHeld = async (db: string): Promise<boolean> => {
    const [rows] = await monitor.query('SELECT IS_USED_LOCK(?) AS holder', [migrationLockName(db)]);
    return (rows as Array<{ holder: number | null }>)[0].holder !== null;
  };
  const env = (db: string): Record<string, string> => ({
    DATABASE_URL: `${MYSQL_BASE}/${db}`,
    DATA_DIR: dir,
    JWT_SECRET: 'migration-crash-test-secret-0123456789',
    DATA_KEY: 'cd'.repeat(32),
    H5_DIR: join(dir, 'none'),
  });

  /** Starts a server and kills it with SIGKILL once it holds the migration lock and `tables` tables exist. */
  async function killDuringMigration(db: string, tables: number): Promise<{ tables: number; recorded: number }> {
    const server = await ServerProcess.start(env(db));
    try {
      const until = Date.now() + 30000;
      while (!(await lockHeld(db))) {
        if (!server.running) throw new Error(`server exited before migrating:\n${server.output}`);
        if (Date.now() > until) throw new Error('the server never took the migration lock');
        await new Promise((r) => setTimeout(r, 5));
      }
      while ((await tableCount(db)) < tables && (await lockHeld(db)));
    } finally {
      await server.stop('SIGKILL');
    }
    return { tables: await tableCount(db), recorded: await recordedMigrations(db) };
  }

  const recordedMigrations = async (db: string): Promise<number> => {
    try {
      const [rows] = await monitor.query(`SELECT COUNT(*) AS n FROM \`${db}\`.migrations`);
      return Number((rows as Array<{ n: number }>)[0].n);
    } catch {
      return 0;
    }
  };

  async function startsCleanly(db: string, server?: ServerProcess): Promise<void> {
    const started = server ?? (await ServerProcess.start(env(db)));
    try {
      await started.waitHealthy(60000);
    } finally {
      await started.stop();
    }
    const conn = await createConnection(`${MYSQL_BASE}/${db}`);
    try {
      const schema = await schemaSnapshot(async (sql, params) => (await conn.query(sql, params))[0] as Array<Record<string, unknown>>, 'mysql');
      expect(schema).toEqual(reference);
      expect(schema.migrations).toEqual(MIGRATIONS.map((m) => new m().name));
    } finally {
      await conn.end();
    }
  }

  it('starts again after kills at many points, one process at a time, and ends with the clean schema', async () => {
    const total = reference.columns.length > 0 ? new Set(reference.columns.map((c) => c.split(' | ')[0])).size : 0;
    const landed: Array<{ tables: number; recorded: number }> = [];
    const db = `${prefix}_a`;
    await adminQuery(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    // Each start resumes the half-applied state the previous kill left and is killed further on;
    // the last kill comes after the last table, before the migration is recorded.
    for (const tables of [2, 8, 15, 22, 29, 36, total]) landed.push(await killDuringMigration(db, tables));
    await startsCleanly(db);
    // The kills did land mid-migration: a half-built schema, not every migration recorded.
    expect(landed.filter((l) => l.tables > 1 && l.recorded < MIGRATIONS.length).length).toBeGreaterThanOrEqual(5);
  }, 180000);

  it('a second process waiting on the lock completes the migrations the killed one left half done', async () => {
    const db = `${prefix}_c`;
    const lock = migrationLockName(db);
    await adminQuery(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const waiters = async (): Promise<number[]> => {
      const [rows] = await monitor.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE 'SELECT GET_LOCK(%' ORDER BY ID", [db]);
      return (rows as Array<{ id: number }>).map((r) => Number(r.id));
    };
    const waitFor = async (count: number, servers: ServerProcess[]): Promise<number[]> => {
      for (const until = Date.now() + 30000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        const ids = await waiters();
        if (ids.length >= count) return ids;
        for (const s of servers) if (!s.running) throw new Error(`server exited:\n${s.output}`);
      }
      throw new Error(`fewer than ${count} servers waited for the migration lock`);
    };
    // The test holds the migration lock, so both servers queue behind it and we know who is who.
    await monitor.query('SELECT GET_LOCK(?, 10)', [lock]);
    const a = await ServerProcess.start(env(db));
    const servers = [a];
    try {
      const [waiterA] = await waitFor(1, servers);
      const b = await ServerProcess.start(env(db));
      servers.push(b);
      await waitFor(2, servers);
      await monitor.query('SELECT RELEASE_LOCK(?)', [lock]);
      let holder: number | null = null;
      while (holder === null) {
        const [rows] = await monitor.query('SELECT IS_USED_LOCK(?) AS holder', [lock]);
        holder = (rows as Array<{ holder: number | null }>)[0].holder;
      }
      while ((await tableCount(db)) < 12 && (await lockHeld(db)));
      const victim = Number(holder) === waiterA ? a : b;
      const survivor = victim === a ? b : a;
      await victim.stop('SIGKILL');
      expect(await recordedMigrations(db)).toBeLessThan(MIGRATIONS.length);
      expect(await tableCount(db)).toBeGreaterThan(0);
      await startsCleanly(db, survivor);
    } finally {
      for (const s of servers) await s.stop('SIGKILL');
    }
  }, 90000);
});
