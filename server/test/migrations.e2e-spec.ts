import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '../src/database/data-source';
import { col, fk } from '../src/database/migration-helpers';
import { MigrationSteps } from '../src/database/migration-steps';
import { runMigrations } from '../src/database/migrate';
import { schemaSnapshot, type SchemaSnapshot } from './support/schema';
import { DATABASES, type DbKind } from './support/test-app';

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

class Interrupted extends Error {}

/**
 * The query runner a migration sees, except that the schema statement after the first `allowed`
 * ones fails, as if the process had died right there. With MySQL each DDL statement commits on its
 * own, so what ran before stays: exactly the state a kill -9 leaves behind.
 */
function interruptedAfter(qr: QueryRunner, allowed: number): { runner: QueryRunner; statements: () => number } {
  let statements = 0;
  const runner = new Proxy(qr, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return async (sql: string, parameters?: unknown[]) => {
        if (/^\s*(CREATE|ALTER|DROP|RENAME)\b/i.test(sql)) {
          if (statements >= allowed) throw new Interrupted(`interrupted before: ${sql.slice(0, 60)}`);
          statements++;
        }
        return target.query(sql, parameters);
      };
    },
  });
  return { runner, statements: () => statements };
}

describe.each(DATABASES)('migrations on %s', (kind: DbKind) => {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-migrations-'));
  const dbName = `tr_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let ds: DataSource;

  const snapshot = (): Promise<SchemaSnapshot> => schemaSnapshot((sql, params) => ds.query(sql, params), kind);
  const tables = async (): Promise<string[]> =>
    (
      (await ds.query(
        kind === 'mysql'
          ? 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY CREATE_TIME, TABLE_NAME'
          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
      )) as Array<{ name: string }>
    ).map((r) => r.name);
  const withRunner = async <T>(work: (qr: QueryRunner) => Promise<T>): Promise<T> => {
    const qr = ds.createQueryRunner();
    try {
      return await work(qr);
    } finally {
      await qr.release();
    }
  };

  beforeEach(async () => {
    if (kind === 'mysql') {
      const conn = await createConnection(`${MYSQL_BASE}/test`);
      await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await conn.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await conn.end();
      ds = new DataSource(dataSourceOptions({ type: 'mysql', url: `${MYSQL_BASE}/${dbName}` }));
    } else {
      rmSync(join(dir, 'm.sqlite'), { force: true });
      ds = new DataSource(dataSourceOptions({ type: 'better-sqlite3', path: join(dir, 'm.sqlite') }));
    }
    await ds.initialize();
  });

  afterEach(async () => {
    await ds?.destroy();
  });

  afterAll(async () => {
    if (kind === 'mysql') {
      const conn = await createConnection(`${MYSQL_BASE}/test`);
      await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await conn.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every migration again over its own result without error or change (so a re-run after a crash is safe)', async () => {
    await runMigrations(ds);
    const clean = await snapshot();
    expect(clean.migrations).toEqual(MIGRATIONS.map((m) => new m().name));
    for (const migration of ds.migrations) await withRunner((qr) => migration.up(qr));
    expect(await snapshot()).toEqual(clean);
  });

  it('completes a migration interrupted between its schema statements', async () => {
    let checked = 0;
    for (const migration of ds.migrations as MigrationInterface[]) {
      const before = await tables();
      // The reference: this migration run once, uninterrupted, over the migrations before it.
      const counted = await withRunner(async (qr) => {
        const probe = interruptedAfter(qr, Number.MAX_SAFE_INTEGER);
        await migration.up(probe.runner);
        return probe.statements();
      });
      const reference = await snapshot();
      const created = (await tables()).filter((t) => !before.includes(t));
      expect(counted).toBeGreaterThan(0);

      // Every point on SQLite; on MySQL (slow DDL) two per migration here, the real-process kill test covers more.
      const points = kind === 'sqlite' ? [...Array(counted).keys()] : [...new Set([1, counted - 1])].filter((p) => p < counted);
      for (const allowed of points) {
        // Back to the state before this migration: its tables dropped, then its own down() for what it changed
        // in tables that were there before (down() only removes what exists).
        await withRunner(async (qr) => {
          if (kind === 'mysql') await qr.query('SET FOREIGN_KEY_CHECKS = 0');
          for (const table of [...created].reverse()) await qr.dropTable(table, true, false);
          await migration.down(qr);
          if (kind === 'mysql') await qr.query('SET FOREIGN_KEY_CHECKS = 1');
        });
        await expect(
          withRunner(async (qr) => {
            // SQLite runs each migration in a transaction (DDL is transactional there, and TypeORM rebuilds a
            // table to add a column), as runMigrations does: an interrupted one leaves nothing behind.
            // MySQL commits each DDL statement on its own, so there the half-applied state is real.
            if (kind === 'sqlite') await qr.startTransaction();
            try {
              await migration.up(interruptedAfter(qr, allowed).runner);
              if (kind === 'sqlite') await qr.commitTransaction();
            } catch (err) {
              if (kind === 'sqlite') await qr.rollbackTransaction();
              throw err;
            }
          }),
        ).rejects.toBeInstanceOf(Interrupted);
        // The next start runs the unrecorded migration again from the top.
        await withRunner((qr) => migration.up(qr));
        expect({ migration: migration.name, allowed, schema: await snapshot() }).toEqual({ migration: migration.name, allowed, schema: reference });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(kind === 'sqlite' ? 40 : 9);
  }, 120000);

  it('ensureTable completes a table that lacks a column, an index and a foreign key', async () => {
    await runMigrations(ds);
    const spec = {
      name: 'probe_things',
      columns: [col.id(), col.int('userId'), col.varchar('label', 40)],
      indices: [{ name: 'IDX_probe_things_label', columnNames: ['label'] }],
      foreignKeys: [fk('userId', 'users', 'CASCADE')],
    };
    await withRunner((qr) => new MigrationSteps(qr).ensureTable({ name: 'probe_things', columns: [col.id(), col.int('userId')] }));
    await withRunner((qr) => new MigrationSteps(qr).ensureTable(spec));
    const table = await withRunner((qr) => qr.getTable('probe_things'));
    expect(table?.columns.map((c) => c.name).sort()).toEqual(['id', 'label', 'userId']);
    expect(table?.indices.map((i) => i.name)).toContain('IDX_probe_things_label');
    expect(table?.foreignKeys.map((f) => [f.columnNames, f.referencedTableName.split('.').pop(), f.onDelete])).toEqual([[['userId'], 'users', 'CASCADE']]);
    const completed = await snapshot();
    await withRunner((qr) => new MigrationSteps(qr).ensureTable(spec));
    expect(await snapshot()).toEqual(completed);
  });
});
