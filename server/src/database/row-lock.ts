import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Locks the rows the query reads until the transaction ends (`SELECT … FOR UPDATE`) on MySQL, where
 * several processes share the database. SQLite needs no lock: `Tx` runs its transactions one at a time.
 */
export function forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.connection.options.type === 'mysql' ? qb.setLock('pessimistic_write') : qb;
}
