/** Anything that runs SQL and returns rows: a TypeORM DataSource or QueryRunner, or a mysql2 wrapper. */
export type RunSql = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface SchemaSnapshot {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
  migrations: string[];
}

const line = (row: Record<string, unknown>): string => Object.values(row).map((v) => (v === null ? 'NULL' : String(v))).join(' | ');

/**
 * The whole schema as comparable lines, from the catalog itself: on MySQL information_schema
 * (tables, columns, indexes, foreign keys), on SQLite sqlite_master; plus the recorded migrations.
 */
export async function schemaSnapshot(run: RunSql, kind: 'mysql' | 'sqlite'): Promise<SchemaSnapshot> {
  const hasMigrations =
    kind === 'mysql'
      ? (await run("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'migrations'"))[0].n
      : (await run("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"))[0].n;
  const migrations = Number(hasMigrations) > 0 ? (await run('SELECT name FROM migrations ORDER BY id')).map((r) => String(r.name)) : [];
  if (kind === 'sqlite') {
    const objects = await run("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    return {
      columns: objects.filter((o) => o.type === 'table').map(line),
      indexes: objects.filter((o) => o.type === 'index').map(line),
      foreignKeys: [],
      migrations,
    };
  }
  const columns = await run(
    `SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_KEY
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const indexes = await run(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const foreignKeys = await run(
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = DATABASE() ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
  );
  return { columns: columns.map(line), indexes: indexes.map(line), foreignKeys: foreignKeys.map(line), migrations };
}
