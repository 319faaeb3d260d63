/** The UTC datetime literal both MySQL (timezone 'Z') and SQLite store: 2026-12-01 01:00:00.000 */
export function toSqlDateTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** ISO-8601 with an offset, as the API returns times. */
export function toIso(date: Date): string;
export function toIso(date: Date | null): string | null;
export function toIso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/**
 * A time as the hot reads hand it on: a Date (TypeORM, entities) or already ISO-8601 text. Reading 20 rows of
 * nine times each into Date objects only to format them back is a tenth of a list read's CPU; the hot reads
 * (database/raw-sql.ts `selectHot`) get the SQL text from both drivers and turn it into ISO text by slicing.
 */
export type Time = Date | string;

/** ISO-8601 text of a Time (text is already ISO). */
export function isoOf(time: Time): string;
export function isoOf(time: Time | null): string | null;
export function isoOf(time: Time | null): string | null {
  return time === null || typeof time === 'string' ? time : time.toISOString();
}

/**
 * A DATETIME(3) read as SQL text ('2026-12-01 01:00:00.000', UTC, as both databases give it to the hot reads) as
 * ISO text ('2026-12-01T01:00:00.000Z'), the same string `toISOString()` would make. A Date (a driver that parsed
 * it) is kept; text in any other shape goes through `sqlDate`.
 */
export function sqlTime(value: Date | string): Time;
export function sqlTime(value: Date | string | null): Time | null;
export function sqlTime(value: Date | string | null): Time | null {
  if (value === null || value instanceof Date) return value;
  return canonicalIso(value) ?? sqlDate(value).toISOString();
}

/** A DATETIME as either driver returns it (mysql2: Date; better-sqlite3: '2026-12-01 01:00:00.000', UTC). */
export function sqlDate(value: Date | string): Date;
export function sqlDate(value: Date | string | null): Date | null;
export function sqlDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  const iso = canonicalIso(value);
  if (iso !== null) return new Date(iso);
  // As TypeORM hydrates SQLite datetimes: 'T' for the space, 'Z' when no offset is written.
  let text = SPACED.test(value) ? value.replace(' ', 'T') : value;
  if (NO_OFFSET.test(text)) text += 'Z';
  return new Date(text);
}

/** What both databases write, '2026-12-01 01:00:00.000', as ISO text (the common case, without regular expressions); null for any other shape. */
function canonicalIso(value: string): string | null {
  return value.length === 23 && value[10] === ' ' && value[19] === '.' ? `${value.slice(0, 10)}T${value.slice(11)}Z` : null;
}

const SPACED = /^\d{4}-\d\d-\d\d \d\d:\d\d/;
const NO_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/;
