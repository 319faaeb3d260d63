import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';
import { toSqlDateTime } from '../../database/sql-time';

/**
 * Fixed-window rate limiting kept in the database, so every server process behind the load balancer
 * counts the same hits. One atomic upsert per request.
 */
@Injectable()
export class RateLimitService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit; refuses with RATE_LIMITED (429, or `message`) once the window holds more than `limit`. */
  async consume(key: string, limit: number, windowSeconds: number, now = new Date(), message?: string): Promise<void> {
    const hits = await this.hit(key, windowSeconds, now);
    if (hits > limit) throw new AppError('RATE_LIMITED', message);
  }

  /** Counts one hit and returns the window's count so far. */
  async hit(key: string, windowSeconds: number, now = new Date()): Promise<number> {
    const { rowKey, expiresAt } = this.window(key, windowSeconds, now);
    let hits: number;
    if (this.isMysql) {
      // LAST_INSERT_ID(expr) hands this statement's own count back in the OK packet: exact even when
      // parallel requests hit the same row (a separate SELECT could see the others' hits too).
      const result = (await this.dataSource.query(
        'INSERT INTO `rate_limits` (`key`, `hits`, `expiresAt`) VALUES (?, LAST_INSERT_ID(1), ?) ON DUPLICATE KEY UPDATE `hits` = LAST_INSERT_ID(`hits` + 1)',
        [rowKey, expiresAt],
      )) as { insertId?: number };
      hits = Number(result.insertId);
      if (!Number.isSafeInteger(hits) || hits < 1) {
        const rows: Array<{ hits: number }> = await this.dataSource.query('SELECT `hits` FROM `rate_limits` WHERE `key` = ?', [rowKey]);
        hits = Number(rows[0]?.hits ?? 1);
      }
    } else {
      const rows: Array<{ hits: number }> = await this.dataSource.query(
        'INSERT INTO "rate_limits" ("key", "hits", "expiresAt") VALUES (?, 1, ?) ON CONFLICT("key") DO UPDATE SET "hits" = "hits" + 1 RETURNING "hits"',
        [rowKey, expiresAt],
      );
      hits = Number(rows[0]?.hits ?? 1);
    }
    if (hits === 1 && Math.random() < 0.05) {
      // Occasional sweep of finished windows; cheap thanks to the expiresAt index.
      await this.dataSource.query(
        this.isMysql ? 'DELETE FROM `rate_limits` WHERE `expiresAt` < ?' : 'DELETE FROM "rate_limits" WHERE "expiresAt" < ?',
        [toSqlDateTime(now)],
      );
    }
    return hits;
  }

  /** The window's count without adding to it. */
  async peek(key: string, windowSeconds: number, now = new Date()): Promise<number> {
    const { rowKey } = this.window(key, windowSeconds, now);
    const rows: Array<{ hits: number }> = await this.dataSource.query(
      this.isMysql ? 'SELECT `hits` FROM `rate_limits` WHERE `key` = ?' : 'SELECT "hits" FROM "rate_limits" WHERE "key" = ?',
      [rowKey],
    );
    return Number(rows[0]?.hits ?? 0);
  }

  /**
   * Takes back one hit of the same window (pass the `now` given to `consume`). Counting first and giving
   * back on success makes "N failures per window" hold even for requests racing in parallel.
   */
  async release(key: string, windowSeconds: number, now = new Date()): Promise<void> {
    const { rowKey } = this.window(key, windowSeconds, now);
    await this.dataSource.query(
      this.isMysql
        ? 'UPDATE `rate_limits` SET `hits` = `hits` - 1 WHERE `key` = ? AND `hits` > 0'
        : 'UPDATE "rate_limits" SET "hits" = "hits" - 1 WHERE "key" = ? AND "hits" > 0',
      [rowKey],
    );
  }

  private get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  private window(key: string, windowSeconds: number, now: Date): { rowKey: string; expiresAt: string } {
    const bucket = Math.floor(now.getTime() / (windowSeconds * 1000));
    return {
      rowKey: `${key}:${bucket}`.slice(0, 191),
      expiresAt: toSqlDateTime(new Date((bucket + 1) * windowSeconds * 1000)),
    };
  }
}
