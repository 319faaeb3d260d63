import { sqlInt, sqlJson } from './raw-sql';
import { sqlDate } from './sql-time';

describe('raw-sql value mapping', () => {
  it('reads SQLite datetimes as UTC, like TypeORM hydrates them', () => {
    expect(sqlDate('2026-12-01 01:02:03.456')?.toISOString()).toBe('2026-12-01T01:02:03.456Z');
    expect(sqlDate('2026-12-01 01:02:03')?.toISOString()).toBe('2026-12-01T01:02:03.000Z');
    expect(sqlDate('2026-12-01T01:02:03.456+08:00')?.toISOString()).toBe('2026-11-30T17:02:03.456Z');
  });

  it('passes Dates (mysql2) and nulls through', () => {
    const d = new Date('2026-12-01T00:00:00.000Z');
    expect(sqlDate(d)).toBe(d);
    expect(sqlDate(null)).toBeNull();
  });

  it('turns BIGINT strings into numbers and parses simple-json text', () => {
    expect(sqlInt('42')).toBe(42);
    expect(sqlInt(null)).toBeNull();
    expect(sqlJson<{ a: number }>('{"a":1}')).toEqual({ a: 1 });
    expect(sqlJson<{ a: number }>({ a: 2 })).toEqual({ a: 2 });
  });
});
