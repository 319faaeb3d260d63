import { AppError } from '../common/errors/app-error';
import { decodeCursor, encodeCursor } from './keyset';

describe('keyset cursors', () => {
  it('round-trip an id, and a sort key with an id', () => {
    expect(decodeCursor(encodeCursor([42]), false)).toEqual([42]);
    expect(decodeCursor(encodeCursor(['2026-11-20', 7]), true)).toEqual(['2026-11-20', 7]);
    expect(decodeCursor(encodeCursor([3, 9]), true)).toEqual([3, 9]);
  });

  it('are opaque url-safe text', () => {
    expect(encodeCursor(['2026-12-01 01:00:00.000', 123])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const refused = (cursor: string, withKey: boolean) => {
    try {
      decodeCursor(cursor, withKey);
    } catch (err) {
      return err instanceof AppError && err.code === 'VALIDATION_FAILED';
    }
    return false;
  };

  it.each([
    ['not base64 JSON', 'Zm9v', false],
    ['an object', encodeCursor({ id: 1 } as never), false],
    ['a key where only an id belongs', encodeCursor(['x', 1]), false],
    ['an id alone where a key belongs', encodeCursor([1]), true],
    ['a non-integer id', encodeCursor([1.5]), false],
    ['a zero id', encodeCursor([0]), false],
    ['an id as text', encodeCursor(['1']), false],
    ['a key that is neither text nor number', encodeCursor([null as never, 1]), true],
    ['an overlong key', encodeCursor(['x'.repeat(65), 1]), true],
  ])('refuse %s with VALIDATION_FAILED', (_label, cursor, withKey) => {
    expect(refused(cursor, withKey)).toBe(true);
  });
});
