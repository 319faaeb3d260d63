import type { ComplianceState, MeetingPeriodUnit } from '@torch-red/shared';

/**
 * Business periods of 组织生活 — months, quarters and years — always in China time (+08:00, no daylight
 * saving), whatever the server's zone. Pure functions: the unit tests pin the boundaries (a meeting at
 * 2026-03-31 23:30 +08:00 belongs to 2026-03 and 2026-Q1, one at 2026-12-31 23:59 +08:00 to 2026).
 *
 * Every period lies inside one calendar year, so a month, quarter or year request only ever touches the
 * periods of that year.
 */

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86400 * 1000;

export interface Period {
  unit: MeetingPeriodUnit;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
}

/** Where a period stands against now. */
export type PeriodPhase = 'PAST' | 'CURRENT' | 'FUTURE';

/** The China-time calendar month of an instant. */
export function chinaMonth(at: Date): { year: number; month: number } {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

export function periodOf(at: Date, unit: MeetingPeriodUnit): Period {
  const { year, month } = chinaMonth(at);
  return { unit, year, index: unit === 'MONTH' ? month : unit === 'QUARTER' ? Math.ceil(month / 3) : 1 };
}

/** `2026-03`, `2026-Q1` or `2026`. */
export function periodKey(p: Period): string {
  if (p.unit === 'MONTH') return `${p.year}-${String(p.index).padStart(2, '0')}`;
  if (p.unit === 'QUARTER') return `${p.year}-Q${p.index}`;
  return String(p.year);
}

const KEY = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The period a key names, or null for anything else (years 2000–2099 only). */
export function parsePeriod(key: string): Period | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2099) return null;
  if (match[2]) return { unit: 'MONTH', year, index: Number(match[2]) };
  if (match[3]) return { unit: 'QUARTER', year, index: Number(match[3]) };
  return { unit: 'YEAR', year, index: 1 };
}

/** First and last calendar month (1–12) of the period. */
export function monthSpan(p: Period): { first: number; last: number } {
  if (p.unit === 'MONTH') return { first: p.index, last: p.index };
  if (p.unit === 'QUARTER') return { first: p.index * 3 - 2, last: p.index * 3 };
  return { first: 1, last: 12 };
}

/** The instant the period starts: midnight China time of its first day. */
export function periodStart(p: Period): Date {
  return new Date(Date.UTC(p.year, monthSpan(p).first - 1, 1) - CHINA_OFFSET_MS);
}

/** The instant the next period starts (the end, exclusive). */
export function periodEnd(p: Period): Date {
  return new Date(Date.UTC(p.year, monthSpan(p).last, 1) - CHINA_OFFSET_MS);
}

export function periodPhase(p: Period, now: Date): PeriodPhase {
  if (now.getTime() < periodStart(p).getTime()) return 'FUTURE';
  return now.getTime() < periodEnd(p).getTime() ? 'CURRENT' : 'PAST';
}

/**
 * The number stored with each meeting for its period of this unit, ordered like the periods: 202603 for
 * 2026-03, 20261 for 2026-Q1, 2026 for 2026.
 */
export function periodNumber(p: Period): number {
  if (p.unit === 'MONTH') return p.year * 100 + p.index;
  if (p.unit === 'QUARTER') return p.year * 10 + p.index;
  return p.year;
}

/** The three period numbers a meeting at this instant is filed under. */
export function periodNumbers(at: Date): { periodMonth: number; periodQuarter: number; periodYear: number } {
  return {
    periodMonth: periodNumber(periodOf(at, 'MONTH')),
    periodQuarter: periodNumber(periodOf(at, 'QUARTER')),
    periodYear: periodNumber(periodOf(at, 'YEAR')),
  };
}

/** Every period of `unit` in a year, in order. */
export function periodsOfYear(year: number, unit: MeetingPeriodUnit): Period[] {
  const count = unit === 'MONTH' ? 12 : unit === 'QUARTER' ? 4 : 1;
  return Array.from({ length: count }, (_, i) => ({ unit, year, index: i + 1 }));
}

/** The periods of `unit` that overlap `requested` (a month of a quarterly kind is judged on its quarter). */
export function periodsOverlapping(requested: Period, unit: MeetingPeriodUnit): Period[] {
  const { first, last } = monthSpan(requested);
  return periodsOfYear(requested.year, unit).filter((p) => {
    const span = monthSpan(p);
    return span.first <= last && span.last >= first;
  });
}

/** A single period's state: done when it has a record, else by where it stands in time. */
export function periodState(p: Period, now: Date, meetings: number): ComplianceState {
  if (meetings > 0) return 'DONE';
  const phase = periodPhase(p, now);
  return phase === 'PAST' ? 'OVERDUE' : phase === 'CURRENT' ? 'DUE' : 'UPCOMING';
}

/** The months of a period as a bit mask of its year (bit 0 = January). */
export function monthMask(p: Period): number {
  const { first, last } = monthSpan(p);
  return ((1 << last) - 1) & ~((1 << (first - 1)) - 1);
}

/**
 * The state of one kind over the periods of its unit that a request judges (a monthly kind over a quarter),
 * worked out once per request: the returned function takes the months of the year that have an archived record
 * (a bit mask) and costs a few bit operations per organisation. OVERDUE when an ended period has no record; else
 * DUE when the running one has none; else UPCOMING when nothing has started and nothing was recorded ahead; else
 * DONE.
 */
export function maskJudge(periods: Period[], now: Date): (recordedMonths: number) => ComplianceState {
  const ended = periods.filter((p) => periodPhase(p, now) === 'PAST').map(monthMask);
  const running = periods.filter((p) => periodPhase(p, now) === 'CURRENT').map(monthMask);
  const judged = periods.reduce((mask, p) => mask | monthMask(p), 0);
  return (recorded) => {
    if (ended.some((mask) => (recorded & mask) === 0)) return 'OVERDUE';
    if (running.some((mask) => (recorded & mask) === 0)) return 'DUE';
    if (ended.length === 0 && running.length === 0 && (recorded & judged) === 0) return 'UPCOMING';
    return 'DONE';
  };
}

/** Whether now is inside the last `days` days of the period (the reminder window). */
export function inFinalDays(p: Period, now: Date, days: number): boolean {
  const end = periodEnd(p).getTime();
  return now.getTime() < end && now.getTime() >= end - days * DAY_MS;
}
