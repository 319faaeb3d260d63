import { isoOf, sqlDate, sqlTime } from './sql-time';

describe('times as the hot reads hand them on', () => {
  it('SQL text becomes exactly the ISO text toISOString() would give, in any shape a driver may send', () => {
    for (const text of ['2026-12-01 01:02:03.456', '2026-12-01 01:02:03', '2026-12-01T01:02:03.456+08:00', '1999-01-01 00:00:00.000', '2026-02-28 23:59:59.999']) {
      expect(sqlTime(text)).toBe(sqlDate(text).toISOString());
    }
  });

  it('keeps a Date a driver parsed, and null', () => {
    const d = new Date('2026-12-01T00:00:00.000Z');
    expect(sqlTime(d)).toBe(d);
    expect(sqlTime(null)).toBeNull();
    expect(isoOf(d)).toBe('2026-12-01T00:00:00.000Z');
    expect(isoOf('2026-12-01T00:00:00.000Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(isoOf(null)).toBeNull();
  });
});
