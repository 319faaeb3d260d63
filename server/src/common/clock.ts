import { Injectable } from '@nestjs/common';

/** The current time, in one place, so tests can move it (deadlines, reminders, check-in windows). */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private frozenAtMs: number | null = null;

  now(): Date {
    return new Date((this.frozenAtMs ?? Date.now()) + this.offsetMs);
  }

  /** Tests only: stop the clock where it is (it still moves by `travel`), for figures in whole seconds. */
  freeze(): void {
    this.frozenAtMs = Date.now();
  }

  /** Tests only: move the clock forward or back. */
  travel(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAtMs = null;
  }
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "12月01日 09:00" in China time, for messages people read. */
export function formatChinaTime(date: Date): string {
  const d = new Date(date.getTime() + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}月${pad(d.getUTCDate())}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-12-01 09:00" in China time, the format WeChat's time fields want. */
export function formatChinaDateTime(date: Date): string {
  const d = new Date(date.getTime() + CHINA_OFFSET_MS);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
