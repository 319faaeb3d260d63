import { QueryFailedError } from 'typeorm';

interface DriverError {
  name?: string;
  code?: string;
  errno?: number;
  fatal?: boolean;
  message?: string;
}

function driverErrorOf(err: unknown): DriverError | undefined {
  return err instanceof QueryFailedError ? (err as QueryFailedError & { driverError?: DriverError }).driverError : undefined;
}

/** A unique key said no: MySQL's ER_DUP_ENTRY (1062) or SQLite's UNIQUE/PRIMARY KEY constraint. */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = (err as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError;
  return (
    driver?.code === 'ER_DUP_ENTRY' ||
    driver?.errno === 1062 ||
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /Duplicate entry|UNIQUE constraint failed/.test(err.message)
  );
}

/** SQLite's "database is locked": another connection (a second process, a backup tool) holds the write lock. */
export function isSqliteBusy(err: unknown): boolean {
  const raw = err as DriverError | undefined;
  const code = driverErrorOf(err)?.code ?? (raw?.name === 'SqliteError' ? raw.code : undefined);
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * A lock conflict: the transaction can simply be run again. MySQL deadlock or lock wait timeout;
 * SQLite busy (after its busy_timeout), which can still happen when another program writes to the file.
 */
export function isRetryableLockError(err: unknown): boolean {
  if (isSqliteBusy(err)) return true;
  if (!(err instanceof QueryFailedError)) return false;
  const driver = (err as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.code === 'ER_LOCK_WAIT_TIMEOUT' || /Deadlock found|Lock wait timeout/.test(err.message);
}

/** Network and server-availability failures of MySQL/MariaDB (mysql2 codes) and of the socket below it. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT', // the query timeout: the database did not answer in time
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_USER_LIMIT_REACHED',
  'ER_SERVER_SHUTDOWN',
  'ER_QUERY_INTERRUPTED',
]);
/** MariaDB "Connection was killed" (1927, also sent at shutdown); MySQL 8 idle disconnect (4031). */
const CONNECTION_ERRNOS = new Set([1927, 4031]);
/** Errors with no code: the pool or connection was closed under the query (shutdown, outage). */
const CLOSED_MESSAGES = /Pool is closed|connection is in closed state|The database connection is not open|Connection is not established|Driver not Connected/i;

/** The database cannot be reached, dropped the connection, or did not answer in time. */
export function isConnectionError(err: unknown): boolean {
  const driver = driverErrorOf(err);
  if (driver) {
    return (
      (driver.code !== undefined && CONNECTION_CODES.has(driver.code)) ||
      (driver.errno !== undefined && CONNECTION_ERRNOS.has(driver.errno)) ||
      driver.fatal === true ||
      CLOSED_MESSAGES.test(driver.message ?? '')
    );
  }
  // Failing to get a connection from the pool is not wrapped by TypeORM; mysql2 marks such errors fatal.
  if (!err || typeof err !== 'object') return false;
  const raw = err as DriverError;
  return raw.fatal === true || CLOSED_MESSAGES.test(raw.message ?? '');
}

/** Errors that mean "the database is unavailable right now; try again": answered as 503 DB_UNAVAILABLE. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return isConnectionError(err) || isSqliteBusy(err);
}

/** Connection errors that waiting will not cure: wrong password, no such database, no permission. */
export function isPermanentConnectionError(err: unknown): boolean {
  const code = (driverErrorOf(err) ?? (err as DriverError | undefined))?.code;
  return code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_BAD_DB_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_NOT_SUPPORTED_AUTH_MODE';
}
