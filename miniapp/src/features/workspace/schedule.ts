import { chinaParts } from '@/lib/datetime';

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-12-01` and `14:00` as China wall-clock time, the way pickers show them. */
export function toPickerParts(iso: string): { date: string; time: string } {
  const p = chinaParts(iso);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Back to an ISO instant with the China offset: `2026-12-01T14:00:00+08:00`. */
export function fromPickerParts(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** `days` from today at `hour:00` China time. */
export function chinaDayAt(days: number, hour: number, now = new Date()): string {
  const { date } = toPickerParts(new Date(now.getTime() + days * 86400 * 1000).toISOString());
  return fromPickerParts(date, `${pad(hour)}:00`);
}
