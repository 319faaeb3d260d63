import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableLockError } from './db-errors';

/**
 * Runs a unit of work in a database transaction.
 * - MySQL: a real transaction per call on its own pooled connection; deadlocks are retried.
 * - SQLite (embedded, one process by design): better-sqlite3 has one connection, so transactions
 *   are queued one after another instead of nesting BEGINs on the shared connection. SQLITE_BUSY
 *   (another program holding the file's write lock past busy_timeout) is retried the same way.
 */
@Injectable()
export class Tx {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isMysql) {
      const next = this.sqliteQueue.then(() => this.withRetry(() => this.dataSource.transaction(work)));
      this.sqliteQueue = next.catch(() => undefined);
      return next;
    }
    return this.withRetry(() => this.dataSource.transaction(work));
  }

  private async withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (err) {
        if (i >= 4 || !isRetryableLockError(err)) throw err;
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (i + 1)));
      }
    }
  }
}
