import { currentPeriod, nextPeriod, periodLabel, previousPeriod, recentPeriods, shortPeriodLabel, unitOf } from './periods';

describe('org-life periods (China time)', () => {
  // 2026-03-31 23:30 +08:00 is still March and Q1 in China, though it is 15:30 UTC.
  const lateMarch = new Date('2026-03-31T23:30:00+08:00');
  // 2026-04-01 00:30 +08:00 is April and Q2 in China, though it is still 31 March in UTC.
  const earlyApril = new Date('2026-04-01T00:30:00+08:00');

  it('names the running period as the server does', () => {
    expect(currentPeriod('MONTH', lateMarch)).toBe('2026-03');
    expect(currentPeriod('QUARTER', lateMarch)).toBe('2026-Q1');
    expect(currentPeriod('YEAR', lateMarch)).toBe('2026');
    expect(currentPeriod('MONTH', earlyApril)).toBe('2026-04');
    expect(currentPeriod('QUARTER', earlyApril)).toBe('2026-Q2');
    expect(currentPeriod('YEAR', new Date('2026-12-31T16:30:00Z'))).toBe('2027');
  });

  it('steps back across year boundaries', () => {
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026')).toBe('2025');
    expect(nextPeriod('2025-Q4')).toBe('2026-Q1');
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(nextPeriod('2026-09')).toBe('2026-10');
    expect(recentPeriods('QUARTER', 3, earlyApril)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
  });

  it('labels periods in Chinese', () => {
    expect(unitOf('2026-03')).toBe('MONTH');
    expect(shortPeriodLabel('2026-03')).toBe('3月');
    expect(shortPeriodLabel('2026-Q4')).toBe('四季度');
    expect(shortPeriodLabel('2026')).toBe('全年');
    expect(periodLabel('2026-Q1')).toBe('2026年一季度');
    expect(periodLabel('2026-11')).toBe('2026年11月');
    expect(periodLabel('2026')).toBe('2026年');
  });
});
