import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** Portable column helpers that work on MySQL/MariaDB and SQLite alike: datetime(3), no enum/jsonb/timestamp. */
export const DateTimeColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'datetime', precision: 3, ...options });

export const CreatedAtColumn = (): PropertyDecorator => CreateDateColumn({ type: 'datetime', precision: 3 });
export const UpdatedAtColumn = (): PropertyDecorator => UpdateDateColumn({ type: 'datetime', precision: 3 });

/** Booleans as tinyint/integer so both databases return 0/1 and TypeORM maps them. */
export const BoolColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'boolean', default: false, ...options });
