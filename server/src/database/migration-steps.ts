import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type QueryRunner,
  type TableColumnOptions,
  type TableForeignKeyOptions,
  type TableIndexOptions,
  type TableOptions,
} from 'typeorm';
import { isMysql } from './migration-helpers';

/**
 * Schema steps that look before they leap, for every migration.
 *
 * MySQL/MariaDB commit each DDL statement on its own, so a migration interrupted halfway (kill -9,
 * OOM, deploy timeout) leaves part of its changes behind without being recorded as run; the next
 * start runs it again from the top. Each step therefore checks what already exists and only does
 * what is missing, so a migration written with these steps completes over any half-applied state.
 * Data steps written by hand must be just as repeatable (`UPDATE … WHERE x IS NULL`,
 * `INSERT … WHERE NOT EXISTS`).
 */
export class MigrationSteps {
  constructor(private readonly qr: QueryRunner) {}

  /** Creates the table, or completes an existing one with any missing column, index or foreign key. */
  async ensureTable(options: TableOptions): Promise<void> {
    if (!(await this.qr.hasTable(options.name))) {
      await this.qr.createTable(new Table(options), false, true, true);
      return;
    }
    const existing = await this.describe(options.name);
    for (const column of options.columns ?? []) {
      if (!existing.columns.has(column.name)) await this.qr.addColumn(options.name, new TableColumn(column));
    }
    for (const index of options.indices ?? []) {
      if (!index.name) throw new Error(`ensureTable ${options.name}: give every index a name`);
      if (!existing.indexes.has(index.name)) await this.qr.createIndex(options.name, new TableIndex(index));
    }
    for (const foreignKey of options.foreignKeys ?? []) {
      if (!hasForeignKey(existing, foreignKey)) await this.qr.createForeignKey(options.name, new TableForeignKey(foreignKey));
    }
  }

  async ensureColumn(tableName: string, column: TableColumnOptions): Promise<void> {
    if (await this.qr.hasColumn(tableName, column.name)) return;
    await this.qr.addColumn(tableName, new TableColumn(column));
  }

  /** Indexes are matched by name, so every index a migration creates must be named. */
  async ensureIndex(tableName: string, index: TableIndexOptions): Promise<void> {
    if (!index.name) throw new Error(`ensureIndex on ${tableName}: give the index a name`);
    if ((await this.describe(tableName)).indexes.has(index.name)) return;
    await this.qr.createIndex(tableName, new TableIndex(index));
  }

  /** Foreign keys are matched by their columns and the table they point at. */
  async ensureForeignKey(tableName: string, foreignKey: TableForeignKeyOptions): Promise<void> {
    if (hasForeignKey(await this.describe(tableName), foreignKey)) return;
    await this.qr.createForeignKey(tableName, new TableForeignKey(foreignKey));
  }

  async dropTableIfExists(tableName: string): Promise<void> {
    await this.qr.dropTable(tableName, true);
  }

  async dropColumnIfExists(tableName: string, columnName: string): Promise<void> {
    if (await this.qr.hasColumn(tableName, columnName)) await this.qr.dropColumn(tableName, columnName);
  }

  async dropIndexIfExists(tableName: string, indexName: string): Promise<void> {
    if ((await this.describe(tableName)).indexes.has(indexName)) await this.qr.dropIndex(tableName, indexName);
  }

  /** What the table has, straight from the catalog (cheaper than TypeORM's full getTable on MySQL). */
  private async describe(tableName: string): Promise<ExistingTable> {
    const mysql = isMysql(this.qr);
    const rows = async (sql: string): Promise<Array<Record<string, unknown>>> => (await this.qr.query(sql, [tableName])) as Array<Record<string, unknown>>;
    const columns = await rows(
      mysql
        ? 'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?'
        : 'SELECT name FROM pragma_table_info(?)',
    );
    const indexes = await rows(
      mysql
        ? 'SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?'
        : 'SELECT name FROM pragma_index_list(?)',
    );
    const fkColumns = await rows(
      mysql
        ? `SELECT CONSTRAINT_NAME AS id, COLUMN_NAME AS col, REFERENCED_TABLE_NAME AS ref FROM information_schema.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION`
        : 'SELECT id, "from" AS col, "table" AS ref FROM pragma_foreign_key_list(?) ORDER BY id, seq',
    );
    const foreignKeys = new Map<string, { columns: string[]; referenced: string }>();
    for (const row of fkColumns) {
      const key = String(row.id);
      const entry = foreignKeys.get(key) ?? { columns: [], referenced: String(row.ref) };
      entry.columns.push(String(row.col));
      foreignKeys.set(key, entry);
    }
    return {
      columns: new Set(columns.map((r) => String(r.name))),
      indexes: new Set(indexes.map((r) => String(r.name))),
      foreignKeys: [...foreignKeys.values()],
    };
  }
}

interface ExistingTable {
  columns: Set<string>;
  indexes: Set<string>;
  foreignKeys: Array<{ columns: string[]; referenced: string }>;
}

function hasForeignKey(table: ExistingTable, foreignKey: TableForeignKeyOptions): boolean {
  return table.foreignKeys.some(
    (fk) =>
      fk.referenced === foreignKey.referencedTableName &&
      fk.columns.length === foreignKey.columnNames.length &&
      fk.columns.every((c, i) => c === foreignKey.columnNames[i]),
  );
}
