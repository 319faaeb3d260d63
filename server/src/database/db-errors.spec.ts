import { QueryFailedError } from 'typeorm';
import { toErrorResponse } from '../common/errors/all-exceptions.filter';
import { isConnectionError, isDatabaseUnavailable, isPermanentConnectionError, isRetryableLockError, isSqliteBusy } from './db-errors';

/** A driver error as mysql2 / better-sqlite3 build them. */
const driverError = (props: Record<string, unknown>, message = 'driver error'): Error => Object.assign(new Error(message), props);
const queryFailed = (props: Record<string, unknown>, message?: string): QueryFailedError => new QueryFailedError('SELECT 1', [], driverError(props, message));

describe('database errors', () => {
  it('answers connection failures with 503 DB_UNAVAILABLE, not 500 INTERNAL', () => {
    const unavailable = [
      // Getting a connection from the pool fails before any query: TypeORM passes mysql2's error on raw.
      driverError({ code: 'ECONNREFUSED', errno: -111, fatal: true }, 'connect ECONNREFUSED 127.0.0.1:3306'),
      driverError({ code: 'ETIMEDOUT', fatal: true }, 'connect ETIMEDOUT'),
      driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040, fatal: true }, 'Too many connections'),
      new Error('Pool is closed.'),
      new Error('Connection is not established with mysql database'),
      // Failures during a query arrive wrapped in QueryFailedError.
      queryFailed({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true }, 'Connection lost: The server closed the connection.'),
      queryFailed({ code: 'PROTOCOL_SEQUENCE_TIMEOUT' }, 'Query inactivity timeout'),
      queryFailed({ code: 'ECONNRESET', fatal: true }),
      queryFailed({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 }),
      queryFailed({ errno: 1927 }, 'Connection was killed'),
      queryFailed({ name: 'SqliteError', code: 'SQLITE_BUSY' }, 'database is locked'),
      driverError({ name: 'SqliteError', code: 'SQLITE_BUSY_SNAPSHOT' }, 'database is locked'),
      new TypeError('The database connection is not open'),
    ];
    for (const err of unavailable) {
      expect({ err: err.message, body: toErrorResponse(err) }).toEqual({ err: err.message, body: { statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用' } });
    }
  });

  it('leaves other errors alone', () => {
    expect(toErrorResponse(queryFailed({ code: 'ER_PARSE_ERROR', errno: 1064 })).code).toBe('INTERNAL');
    expect(toErrorResponse(queryFailed({ code: 'ER_DUP_ENTRY', errno: 1062 }, 'Duplicate entry')).code).toBe('CONFLICT');
    expect(toErrorResponse(driverError({ code: 'ECONNREFUSED' }, 'fetch failed'))).toMatchObject({ statusCode: 500, code: 'INTERNAL' }); // not a database error
    expect(toErrorResponse(new Error('boom')).code).toBe('INTERNAL');
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isConnectionError(queryFailed({ code: 'ER_NO_SUCH_TABLE' }))).toBe(false);
  });

  it('retries lock conflicts, including SQLITE_BUSY', () => {
    expect(isRetryableLockError(queryFailed({ code: 'ER_LOCK_DEADLOCK' }))).toBe(true);
    expect(isRetryableLockError(queryFailed({ code: 'ER_LOCK_WAIT_TIMEOUT' }))).toBe(true);
    expect(isRetryableLockError(queryFailed({ name: 'SqliteError', code: 'SQLITE_BUSY' }, 'database is locked'))).toBe(true);
    expect(isSqliteBusy(queryFailed({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isRetryableLockError(queryFailed({ code: 'ER_PARSE_ERROR' }))).toBe(false);
  });

  it('tells which connection errors waiting will not cure', () => {
    expect(isPermanentConnectionError(driverError({ code: 'ER_ACCESS_DENIED_ERROR', fatal: true }))).toBe(true);
    expect(isPermanentConnectionError(driverError({ code: 'ER_BAD_DB_ERROR', fatal: true }))).toBe(true);
    expect(isPermanentConnectionError(driverError({ code: 'ECONNREFUSED', fatal: true }))).toBe(false);
  });
});
