import { QueryFailedError, type DataSource, type DataSourceOptions, type EntityManager, type QueryResult, type QueryRunner } from 'typeorm';

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
  const connection = transactionConnection(m);
  if (connection) {
    const header = await mysqlCall<{ affectedRows?: number; insertId?: number | string }>(connection, 'query', { sql, values: params, timeout: queryTimeout(m.connection.options) });
    return { affected: header.affectedRows ?? 0, insertId: Number(header.insertId ?? 0) };
  }
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
  const connection = transactionConnection(m);
  if (connection) return mysqlCall<T[]>(connection, 'query', { sql, values: params, timeout: queryTimeout(m.connection.options) });
  return (await m.query(sql, params)) as T[];
}

/** What `execute` and `select` need of mysql2's callback connection (TypeORM's MysqlQueryRunner keeps it in `databaseConnection`). */
interface Mysql2Connection {
  query: Mysql2Method;
}

/**
 * The connection of the transaction `m` runs on MySQL, or null (no transaction, SQLite). The statements of a
 * transaction on the hot path (the sign-up holds the activity row lock across them) go to it directly: TypeORM's
 * `query()` adds a promise wrapper per statement (mysql2's `.promise()` resolves a `require` each time), query
 * events no subscriber here listens to, and result wrapping. Same connection and options, so the same values come
 * back; errors are TypeORM's `QueryFailedError` as before (unique keys, deadlock retries and timeouts map alike).
 * BEGIN and COMMIT stay TypeORM's, so its transaction events (the org tree's version bump) still run.
 */
function transactionConnection(m: EntityManager): Mysql2Connection | null {
  if (m.connection.options.type !== 'mysql') return null;
  const runner = m.queryRunner as (QueryRunner & { databaseConnection?: Mysql2Connection }) | undefined;
  if (!runner?.isTransactionActive || runner.isReleased) return null;
  return runner.databaseConnection ?? null;
}

/**
 * One statement through mysql2's callback API (a pool or a connection). Errors become TypeORM's `QueryFailedError`,
 * as every other query's, so the exception filter maps them the same way (unique keys, deadlocks, timeouts: 503).
 */
function mysqlCall<T>(target: Partial<Record<'query' | 'execute', Mysql2Method>>, method: 'query' | 'execute', options: Mysql2QueryOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    target[method]!(options, (err, result) => {
      if (err) reject(new QueryFailedError(options.sql, options.values, err));
      else resolve(result as T);
    });
  });
}

/** The per-statement timeout TypeORM would set (MySQL's `maxQueryExecutionTime` with `enableQueryTimeout`). */
function queryTimeout(options: DataSourceOptions): number | undefined {
  return options.type === 'mysql' && options.enableQueryTimeout && options.maxQueryExecutionTime ? options.maxQueryExecutionTime : undefined;
}

/** COUNT(*) and BIGINT come back as strings from mysql2 (TypeORM turns on bigNumberStrings). */
export function sqlInt(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}

/** simple-json columns: text in both databases. */
export function sqlJson<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** What the helpers below need of mysql2's callback pool (TypeORM's MysqlDriver keeps one in `pool`). */
interface Mysql2Pool {
  execute: Mysql2Method;
  query: Mysql2Method;
}

type Mysql2Method = (options: Mysql2QueryOptions, callback: (err: Error | null, result: unknown) => void) => void;

interface Mysql2QueryOptions {
  sql: string;
  values: unknown[];
  timeout?: number;
  dateStrings?: boolean;
}

/** …and of better-sqlite3's database (TypeORM's BetterSqlite3Driver keeps it in `databaseConnection`). */
interface SqliteDatabase {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

type SqliteStatement = ReturnType<SqliteDatabase['prepare']>;

/** Hot reads' SQLite statements by text, per database; texts vary only with IN-list lengths, so few, but bounded. */
const sqliteStatements = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();
const SQLITE_STATEMENTS = 200;

/**
 * A hot read outside any transaction (the per-request principal, an activity's detail), as a server-side prepared
 * statement on MySQL: MariaDB parses and plans it once per pooled connection and sends binary rows, where a text
 * query is parsed and planned on every call. Values come back as the text protocol gives them (TypeORM's pool
 * options: BIGINT as strings), except DATETIME: SQL text ('2026-12-01 01:00:00.000', UTC) as SQLite stores it,
 * for `sqlTime` (no Date built per value). On SQLite, see `selectHot`.
 */
export function selectPrepared<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  return hotSelect<T>(dataSource, sql, params, 'execute');
}

/**
 * A hot read outside any transaction whose rows are many (a list page): a text query on MySQL (binary rows of
 * 20 wide rows cost more to decode in mysql2 than they save). Both go straight to the driver — the pool on
 * MySQL, a cached prepared statement on SQLite — without TypeORM's query runner (its connection promise, query
 * events and result wrapping are a tenth of a short read's time); errors are TypeORM's `QueryFailedError`
 * still, so the exception filter maps them as any other query's (timeouts: 503). DATETIME values come back as
 * SQL text on both databases (see `selectPrepared`).
 */
export function selectHot<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  return hotSelect<T>(dataSource, sql, params, 'query');
}

function hotSelect<T>(dataSource: DataSource, sql: string, params: unknown[], mysqlMethod: 'execute' | 'query'): Promise<T[]> {
  const driver = dataSource.driver as { pool?: Mysql2Pool; databaseConnection?: SqliteDatabase };
  if (dataSource.options.type === 'better-sqlite3' && driver.databaseConnection) return sqliteSelect<T>(driver.databaseConnection, sql, params);
  if (dataSource.options.type !== 'mysql' || !driver.pool) return dataSource.query(sql, params) as Promise<T[]>;
  return mysqlCall<T[]>(driver.pool, mysqlMethod, { sql, values: params, timeout: queryTimeout(dataSource.options), dateStrings: true });
}

function sqliteSelect<T>(db: SqliteDatabase, sql: string, params: unknown[]): Promise<T[]> {
  try {
    let statements = sqliteStatements.get(db);
    if (!statements) sqliteStatements.set(db, (statements = new Map()));
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= SQLITE_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return Promise.resolve(statement.all(...params) as T[]);
  } catch (err) {
    return Promise.reject(new QueryFailedError(sql, params, err as Error));
  }
}
