import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../common/errors/app-error';

/** A value of the leading sort key as it travels in a cursor: a string (dates as SQL datetime text) or a number. */
export type SortValue = string | number;

export interface KeysetOrder {
  /** SQL expression of the leading sort key (e.g. `v.visitedOn`); omitted when the list is sorted by id alone. */
  key?: string;
  /** The id column: unique, so it breaks every tie of the leading key. */
  id: string;
  direction: 'ASC' | 'DESC';
}

export interface KeysetQuery {
  limit: number;
  cursor?: string;
}

export interface KeysetPage<T> {
  rows: T[];
  nextCursor: string | null;
}

const badCursor = (): AppError => new AppError('VALIDATION_FAILED', 'cursor 无效，请从第一页重新加载', [{ field: 'cursor', message: 'cursor 无效' }]);

/** The opaque cursor of a row: its sort key (if any) and its id, as base64url JSON. */
export function encodeCursor(values: SortValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values encodeCursor wrote, or VALIDATION_FAILED (400) for anything else. */
export function decodeCursor(cursor: string, withKey: boolean): SortValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== (withKey ? 2 : 1)) throw badCursor();
  const id: unknown = values[values.length - 1];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw badCursor();
  if (withKey && !((typeof values[0] === 'string' && values[0].length <= 64) || (typeof values[0] === 'number' && Number.isFinite(values[0])))) throw badCursor();
  return values as SortValue[];
}

/**
 * One page of a keyset-paginated query, in a stable order (the leading key, then the id) so that walking
 * the pages shows every row once, ties of the key included. `keyOf` gives the leading key of the last row
 * (the same value the `key` expression has in SQL), for the next cursor.
 */
export async function keysetPage<T extends ObjectLiteral & { id: number }>(
  qb: SelectQueryBuilder<T>,
  order: KeysetOrder,
  query: KeysetQuery,
  keyOf?: (row: T) => SortValue | Promise<SortValue>,
): Promise<KeysetPage<T>> {
  const after = order.direction === 'DESC' ? '<' : '>';
  if (query.cursor) {
    const values = decodeCursor(query.cursor, order.key !== undefined);
    if (order.key) {
      qb.andWhere(`(${order.key} ${after} :keysetKey OR (${order.key} = :keysetKey AND ${order.id} ${after} :keysetId))`, { keysetKey: values[0], keysetId: values[1] });
    } else {
      qb.andWhere(`${order.id} ${after} :keysetId`, { keysetId: values[0] });
    }
  }
  if (order.key) qb.orderBy(order.key, order.direction).addOrderBy(order.id, order.direction);
  else qb.orderBy(order.id, order.direction);
  // limit, not take: the joins here never multiply rows, and take would rewrite the query around them.
  const rows = await qb.limit(query.limit + 1).getMany();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  if (rows.length <= query.limit || !last) return { rows: page, nextCursor: null };
  if (!order.key) return { rows: page, nextCursor: encodeCursor([last.id]) };
  if (!keyOf) throw new Error('keysetPage: a sort key needs keyOf');
  return { rows: page, nextCursor: encodeCursor([await keyOf(last), last.id]) };
}
