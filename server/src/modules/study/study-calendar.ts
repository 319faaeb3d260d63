const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The China calendar day of an instant, "2026-12-01": daily caps and the daily quiz follow it. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Monday (China time) of the week an instant falls in, "2026-11-30". */
export function chinaWeek(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - weekday * 86400000).toISOString().slice(0, 10);
}
