import {
  inFinalDays,
  maskJudge,
  monthMask,
  parsePeriod,
  periodEnd,
  periodKey,
  periodNumbers,
  periodOf,
  periodPhase,
  periodStart,
  periodState,
  periodsOfYear,
  periodsOverlapping,
  type Period,
} from './meeting-period';

const at = (iso: string) => new Date(iso);
const keys = (periods: Period[]) => periods.map(periodKey);

describe('meeting periods (China time)', () => {
  it('files 2026-03-31 23:30 +08:00 under 2026-03, 2026-Q1 and 2026', () => {
    const t = at('2026-03-31T23:30:00+08:00');
    expect(periodKey(periodOf(t, 'MONTH'))).toBe('2026-03');
    expect(periodKey(periodOf(t, 'QUARTER'))).toBe('2026-Q1');
    expect(periodKey(periodOf(t, 'YEAR'))).toBe('2026');
    expect(periodNumbers(t)).toEqual({ periodMonth: 202603, periodQuarter: 20261, periodYear: 2026 });
  });

  it('files 2026-04-01 00:00 +08:00 (still March 31 in UTC) under 2026-04 and 2026-Q2', () => {
    const t = at('2026-03-31T16:00:00Z');
    expect(periodKey(periodOf(t, 'MONTH'))).toBe('2026-04');
    expect(periodKey(periodOf(t, 'QUARTER'))).toBe('2026-Q2');
    expect(periodNumbers(at('2026-03-31T15:59:59.999Z'))).toEqual({ periodMonth: 202603, periodQuarter: 20261, periodYear: 2026 });
  });

  it('files 2026-12-31 23:59 +08:00 under 2026 and 2027-01-01 00:00 +08:00 under 2027', () => {
    expect(periodNumbers(at('2026-12-31T23:59:00+08:00'))).toEqual({ periodMonth: 202612, periodQuarter: 20264, periodYear: 2026 });
    expect(periodNumbers(at('2027-01-01T00:00:00+08:00'))).toEqual({ periodMonth: 202701, periodQuarter: 20271, periodYear: 2027 });
  });

  it('starts and ends periods at midnight China time', () => {
    expect(periodStart(parsePeriod('2026-Q1')!).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(periodEnd(parsePeriod('2026-Q1')!).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(periodEnd(parsePeriod('2026')!).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(periodEnd(parsePeriod('2026-02')!).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(periodEnd(parsePeriod('2026-12')!).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('parses exactly the keys it writes', () => {
    for (const key of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026']) expect(periodKey(parsePeriod(key)!)).toBe(key);
    for (const bad of ['2026-13', '2026-00', '2026-Q0', '2026-Q5', '2026-1', '26', '1999', '2100', '2026-03-01', ' 2026', '2026q1', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('lists the periods of a unit overlapping a request, inside its year', () => {
    expect(keys(periodsOverlapping(parsePeriod('2026-05')!, 'QUARTER'))).toEqual(['2026-Q2']);
    expect(keys(periodsOverlapping(parsePeriod('2026-05')!, 'YEAR'))).toEqual(['2026']);
    expect(keys(periodsOverlapping(parsePeriod('2026-Q3')!, 'MONTH'))).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(keys(periodsOverlapping(parsePeriod('2026')!, 'QUARTER'))).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear(2026, 'MONTH')).toHaveLength(12);
  });

  it('tells past, current and future apart at the boundary', () => {
    const q1 = parsePeriod('2026-Q1')!;
    expect(periodPhase(q1, at('2026-03-31T23:59:59.999+08:00'))).toBe('CURRENT');
    expect(periodPhase(q1, at('2026-04-01T00:00:00+08:00'))).toBe('PAST');
    expect(periodPhase(q1, at('2025-12-31T23:59:59+08:00'))).toBe('FUTURE');
    expect(periodState(q1, at('2026-04-01T00:00:00+08:00'), 0)).toBe('OVERDUE');
    expect(periodState(q1, at('2026-03-01T00:00:00+08:00'), 0)).toBe('DUE');
    expect(periodState(q1, at('2025-03-01T00:00:00+08:00'), 0)).toBe('UPCOMING');
    expect(periodState(q1, at('2027-03-01T00:00:00+08:00'), 2)).toBe('DONE');
  });

  it('combines a monthly kind over a quarter: any ended month missing is overdue; the running one missing is due', () => {
    const q2 = periodsOverlapping(parsePeriod('2026-Q2')!, 'MONTH');
    const may = at('2026-05-10T12:00:00+08:00');
    const state = (now: Date, months: number[]) => maskJudge(q2, now)(months.reduce((mask, m) => mask | (1 << (m - 1)), 0));
    expect(state(may, [5])).toBe('OVERDUE');
    expect(state(may, [4, 3, 7])).toBe('DUE');
    expect(state(may, [4, 5])).toBe('DONE');
    expect(state(at('2026-03-10T12:00:00+08:00'), [])).toBe('UPCOMING');
    expect(state(at('2026-03-10T12:00:00+08:00'), [6])).toBe('DONE');
    expect(state(at('2026-07-01T00:00:00+08:00'), [4, 5, 6])).toBe('DONE');
    expect(maskJudge(periodsOverlapping(parsePeriod('2026-05')!, 'YEAR'), may)(1 << 11)).toBe('DONE');
    expect(maskJudge(periodsOverlapping(parsePeriod('2026-05')!, 'YEAR'), may)(0)).toBe('DUE');
  });

  it('masks the months of a period', () => {
    expect(monthMask(parsePeriod('2026-03')!)).toBe(0b100);
    expect(monthMask(parsePeriod('2026-Q2')!)).toBe(0b111000);
    expect(monthMask(parsePeriod('2026')!)).toBe(0xfff);
  });

  it('opens the reminder window 7 days before the period ends, until it ends', () => {
    const march = parsePeriod('2026-03')!;
    expect(inFinalDays(march, at('2026-03-24T23:59:59+08:00'), 7)).toBe(false);
    expect(inFinalDays(march, at('2026-03-25T00:00:00+08:00'), 7)).toBe(true);
    expect(inFinalDays(march, at('2026-03-31T23:30:00+08:00'), 7)).toBe(true);
    expect(inFinalDays(march, at('2026-04-01T00:00:00+08:00'), 7)).toBe(false);
  });
});
