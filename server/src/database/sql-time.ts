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
