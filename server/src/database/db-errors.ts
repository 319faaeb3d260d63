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

/** MySQL deadlock or lock wait timeout: the transaction can simply be run again. */
export function isRetryableLockError(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = (err as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.code === 'ER_LOCK_WAIT_TIMEOUT' || /Deadlock found|Lock wait timeout/.test(err.message);
}
