import { formatDate, formatDateTime, formatTimeRange } from './datetime';

describe('the one date style', () => {
  it('shows a calendar day as 月日, with the weekday when asked', () => {
    expect(formatDate('2026-11-23')).toBe('11月23日');
    expect(formatDate('2026-11-23', { weekday: true })).toBe('11月23日 周一');
  });

  it('shows an instant as its day in China', () => {
    // 16:30 UTC on 30 Nov is already 1 Dec in Beijing.
    expect(formatDate('2026-11-30T16:30:00Z', { weekday: true })).toBe('12月01日 周二');
    expect(formatDateTime('2026-11-30T16:30:00Z')).toBe('12月01日 00:30');
    expect(formatTimeRange('2026-12-01T06:00:00Z', '2026-12-01T08:30:00Z')).toBe('12月01日 周二 14:00 - 16:30');
  });
});
