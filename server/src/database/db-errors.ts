import { QueryFailedError } from 'typeorm';

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

interface DriverError {
  name?: string;
  code?: string;
}

/** SQLite's "database is locked": another connection (a second process, a backup tool) holds the write lock. */
export function isSqliteBusy(err: unknown): boolean {
  const raw = err as DriverError | undefined;
  const driver = err instanceof QueryFailedError ? (err as QueryFailedError & { driverError?: DriverError }).driverError : undefined;
  const code = driver?.code ?? (raw?.name === 'SqliteError' ? raw.code : undefined);
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
