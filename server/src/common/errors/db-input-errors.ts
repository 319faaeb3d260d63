import type { ErrorCode } from '@torch-red/shared';
import { QueryFailedError } from 'typeorm';

/**
 * A write the database refused because of the input, not because of the server: a reference to a row
 * that does not exist (foreign key), or a value that does not fit its column. Services check these
 * first; this is the safety net so that a missed check is a 4xx, not a 500. Null when it is not one.
 */
export function inputErrorOf(err: unknown): ErrorCode | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driver = (err as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError;
  const code = driver?.code;
  const errno = driver?.errno;
  // MySQL: a child row points at a missing parent (1452, 1216) / a parent still has children (1451, 1217).
  if (code === 'ER_NO_REFERENCED_ROW_2' || code === 'ER_NO_REFERENCED_ROW' || errno === 1452 || errno === 1216) return 'NOT_FOUND';
  if (code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_ROW_IS_REFERENCED' || errno === 1451 || errno === 1217) return 'CONFLICT';
  // SQLite says only "FOREIGN KEY constraint failed": on a delete the row is still referenced, otherwise the parent is missing.
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY constraint failed/.test(err.message)) {
    return /^\s*DELETE\b/i.test(err.query ?? '') ? 'CONFLICT' : 'NOT_FOUND';
  }
  // MySQL: out of range (1264), too long (1406), not representable in the column (1366).
  if (code === 'ER_WARN_DATA_OUT_OF_RANGE' || code === 'ER_DATA_TOO_LONG' || code === 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD' || errno === 1264 || errno === 1406 || errno === 1366) {
    return 'VALIDATION_FAILED';
  }
  return null;
}
