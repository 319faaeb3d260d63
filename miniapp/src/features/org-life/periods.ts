import type { MeetingPeriodUnit } from '@torch-red/shared';
import { chinaParts } from '@/lib/datetime';

/** Period keys as the server writes them, always China time: `2026-03`, `2026-Q1`, `2026`. */
const QUARTER_NAMES = ['一', '二', '三', '四'];

/** The running period of a unit, in China time. */
export function currentPeriod(unit: MeetingPeriodUnit, now: Date = new Date()): string {
  const { year, month } = chinaParts(now.toISOString());
  if (unit === 'YEAR') return String(year);
  if (unit === 'QUARTER') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The year of today in China. */
export function currentYear(now: Date = new Date()): number {
  return chinaParts(now.toISOString()).year;
}

export function unitOf(period: string): MeetingPeriodUnit {
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'QUARTER';
  if (/^\d{4}-\d{2}$/.test(period)) return 'MONTH';
  return 'YEAR';
}

/** The period before, in the same unit: `2026-Q1` → `2025-Q4`. */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const unit = unitOf(period);
  if (unit === 'YEAR') return String(year - 1);
  if (unit === 'QUARTER') {
    const quarter = Number(period.slice(6));
    return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  }
  const month = Number(period.slice(5));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The period after, in the same unit: `2025-Q4` → `2026-Q1`. */
export function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const unit = unitOf(period);
  if (unit === 'YEAR') return String(year + 1);
  if (unit === 'QUARTER') {
    const quarter = Number(period.slice(6));
    return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
  }
  const month = Number(period.slice(5));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The running period and the `count - 1` before it, newest first (the compliance page's period picker). */
export function recentPeriods(unit: MeetingPeriodUnit, count: number, now: Date = new Date()): string[] {
  const periods = [currentPeriod(unit, now)];
  while (periods.length < count) periods.push(previousPeriod(periods[periods.length - 1]));
  return periods;
}

/** A calendar cell's short name: `3月`, `一季度`, `全年`. */
export function shortPeriodLabel(period: string): string {
  const unit = unitOf(period);
  if (unit === 'YEAR') return '全年';
  if (unit === 'QUARTER') return `${QUARTER_NAMES[Number(period.slice(6)) - 1]}季度`;
  return `${Number(period.slice(5))}月`;
}

/** The full name: `2026年3月`, `2026年一季度`, `2026年`. */
export function periodLabel(period: string): string {
  const year = period.slice(0, 4);
  return unitOf(period) === 'YEAR' ? `${year}年` : `${year}年${shortPeriodLabel(period)}`;
}
