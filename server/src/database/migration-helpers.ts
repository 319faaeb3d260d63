import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

export function isMysql(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'mysql';
}

/** The current time with milliseconds, as each database writes it. */
export function nowDefault(queryRunner: QueryRunner): string {
  return isMysql(queryRunner) ? 'CURRENT_TIMESTAMP(3)' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
}

/** Column builders for migrations that run unchanged on MySQL/MariaDB and SQLite. */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  int: (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  }),
  varchar: (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
    ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
  }),
  text: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  json: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  bool: (name: string, defaultValue = false): TableColumnOptions => ({ name, type: 'boolean', default: defaultValue ? 1 : 0 }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
  createdAt: (qr: QueryRunner): TableColumnOptions => ({ name: 'createdAt', type: 'datetime', precision: 3, default: nowDefault(qr) }),
  updatedAt: (qr: QueryRunner): TableColumnOptions => ({ name: 'updatedAt', type: 'datetime', precision: 3, default: nowDefault(qr) }),
};

export const fk = (
  columnName: string,
  referencedTableName: string,
  onDelete: TableForeignKeyOptions['onDelete'] = 'RESTRICT',
): TableForeignKeyOptions => ({ columnNames: [columnName], referencedTableName, referencedColumnNames: ['id'], onDelete });
