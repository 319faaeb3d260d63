import { chinaDay, chinaWeek } from './study-calendar';

describe('study calendar', () => {
  it('uses the China day, not UTC', () => {
    expect(chinaDay(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(chinaDay(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
  });

  it('starts weeks on Monday in China time', () => {
    expect(chinaWeek(new Date('2026-11-30T00:00:00+08:00'))).toBe('2026-11-30');
    expect(chinaWeek(new Date('2026-12-06T23:59:00+08:00'))).toBe('2026-11-30');
    expect(chinaWeek(new Date('2026-12-07T00:00:00+08:00'))).toBe('2026-12-07');
  });
});
