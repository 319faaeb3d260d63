import { QueryFailedError, type DataSource, type EntityManager, type QueryResult } from 'typeorm';

/**
 * Hand-written statements for the few hot paths that skip TypeORM's query builder and entity hydration
 * (see `modules/activity/activity.repository.ts`). Portable SQL only: `?` placeholders, camelCase
 * identifiers that need no quoting, and values both drivers bind (numbers, strings, null; dates as
 * `toSqlDateTime`, booleans as 0/1).
 */

/** What a write did: rows matched (MySQL reports found rows) and, for an INSERT, the new id. */
export interface WriteResult {
  affected: number;
  insertId: number;
}

/** Runs an INSERT/UPDATE on the manager's transaction. */
export async function execute(m: EntityManager, sql: string, params: unknown[]): Promise<WriteResult> {
  const own = m.queryRunner ? undefined : m.connection.createQueryRunner();
  const runner = m.queryRunner ?? own!;
  let result: QueryResult;
  try {
    result = (await runner.query(sql, params, true)) as QueryResult;
  } finally {
    await own?.release();
  }
  // mysql2 answers with a ResultSetHeader; better-sqlite3 (through TypeORM) with the lastInsertRowid.
  const raw = result.raw as { insertId?: number | string } | number | bigint | undefined;
  const insertId = typeof raw === 'object' && raw !== null ? Number(raw.insertId ?? 0) : Number(raw ?? 0);
  return { affected: result.affected ?? 0, insertId };
}

/** Rows of a SELECT, typed by the caller. */
export async function select<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await m.query(sql, params)) as T[];
}

/** A DATETIME as either driver returns it (mysql2: Date; better-sqlite3: '2026-12-01 01:00:00.000', UTC). */
export function sqlDate(value: Date | string): Date;
export function sqlDate(value: Date | string | null): Date | null;
export function sqlDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  // What both write: '2026-12-01 01:00:00.000' (the common case, without regular expressions).
  if (value.length === 23 && value[10] === ' ' && value[19] === '.') return new Date(`${value.slice(0, 10)}T${value.slice(11)}Z`);
  // As TypeORM hydrates SQLite datetimes: 'T' for the space, 'Z' when no offset is written.
  let text = SPACED.test(value) ? value.replace(' ', 'T') : value;
  if (NO_OFFSET.test(text)) text += 'Z';
  return new Date(text);
}

const SPACED = /^\d{4}-\d\d-\d\d \d\d:\d\d/;
const NO_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/;

/** COUNT(*) and BIGINT come back as strings from mysql2 (TypeORM turns on bigNumberStrings). */
export function sqlInt(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}

/** simple-json columns: text in both databases. */
export function sqlJson<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** What the helper below needs of mysql2's callback pool (TypeORM's MysqlDriver keeps one in `pool`). */
interface Mysql2Pool {
  execute(options: { sql: string; values: unknown[]; timeout?: number }, callback: (err: Error | null, rows: unknown) => void): void;
}

/**
 * A hot read outside any transaction (the per-request principal, an activity's detail), as a server-side prepared
 * statement on MySQL: MariaDB parses and plans it once per pooled connection and sends binary rows, where a text
 * query is parsed and planned on every call. Values come back as the text protocol gives them (TypeORM's pool
 * options: BIGINT as strings, DATETIME as Date in UTC). SQLite runs it as a plain query.
 */
export async function selectPrepared<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const driver = dataSource.driver as { pool?: Mysql2Pool };
  if (dataSource.options.type !== 'mysql' || !driver.pool) return (await dataSource.query(sql, params)) as T[];
  const pool = driver.pool;
  const options = dataSource.options;
  const timeout = options.enableQueryTimeout && options.maxQueryExecutionTime ? options.maxQueryExecutionTime : undefined;
  return new Promise<T[]>((resolve, reject) => {
    pool.execute({ sql, values: params, timeout }, (err, rows) => {
      // The same error type as every other query, so the exception filter maps it the same way (timeouts: 503).
      if (err) reject(new QueryFailedError(sql, params, err));
      else resolve(rows as T[]);
    });
  });
}
