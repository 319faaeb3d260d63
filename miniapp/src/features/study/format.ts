import { formatDateTime } from '@/lib/datetime';

/** 150 → "2分30秒", 0 → "0秒", 3720 → "1小时2分". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) {
    return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`;
  }
  if (minutes > 0) {
    return rest > 0 ? `${minutes}分${rest}秒` : `${minutes}分钟`;
  }
  return `${rest}秒`;
}

/** A countdown: 605 → "10:05". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

/** 0.4567 → "46%". */
export const formatPercent = (rate: number) => `${Math.round(rate * 100)}%`;

/** "2026-12-01T08:05:00Z" → "12月01日 16:05" (China time). */
export function formatLineTime(iso: string): string {
  return formatDateTime(iso);
}
