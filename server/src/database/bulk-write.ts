import type { EntityManager } from 'typeorm';

export interface BulkWriteOptions {
  /** A unique column: a row whose value is already there updates `update` instead of inserting. */
  conflictColumn?: string;
  update?: readonly string[];
  /** Rows per statement. */
  chunk?: number;
}

/**
 * Multi-row INSERT (or upsert on one unique column) in plain SQL that runs unchanged on MySQL/MariaDB and
 * SQLite. For bulk work (a 10,000-row import) where building entities row by row costs seconds; values must
 * be plain (string, number, null, boolean). An upsert also moves `updatedAt` on.
 */
export async function bulkWrite(m: EntityManager, table: string, columns: readonly string[], rows: unknown[][], options: BulkWriteOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const q = (name: string) => m.connection.driver.escape(name);
  const mysql = m.connection.options.type === 'mysql';
  const chunk = options.chunk ?? 500;
  let tail = '';
  if (options.conflictColumn && options.update?.length) {
    // The same "now, with milliseconds" the columns default to (migration-helpers nowDefault).
    const now = mysql ? 'CURRENT_TIMESTAMP(3)' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    const sets = options.update.map((c) => (mysql ? `${q(c)} = VALUES(${q(c)})` : `${q(c)} = excluded.${q(c)}`));
    sets.push(`${q('updatedAt')} = ${now}`);
    tail = mysql ? ` ON DUPLICATE KEY UPDATE ${sets.join(', ')}` : ` ON CONFLICT (${q(options.conflictColumn)}) DO UPDATE SET ${sets.join(', ')}`;
  }
  const head = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params = part.flat().map((v) => (typeof v === 'boolean' ? Number(v) : v));
    await m.query(head + part.map(() => tuple).join(', ') + tail, params);
  }
}
