import { chinaDayAt } from '@/features/workspace/schedule';

// Formats only the workspace pages use (kept out of ./format, which 需求详情 in the main package loads).

/** A deadline a week out at 18:00 China time: the dispatch dialog's default. */
export const defaultDeadline = (now = new Date()) => chinaDayAt(7, 18, now);

/** `3.5 小时` / `2.1 天` */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48 ? `${hours.toFixed(1)} 小时` : `${(hours / 24).toFixed(1)} 天`;
}

/** A China calendar day "2026-11-03" as 11月03日, like the app's other dates (formatDateTime). */
export function formatDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${month}月${date}日`;
}
