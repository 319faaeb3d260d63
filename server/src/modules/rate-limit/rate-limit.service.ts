import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { toSqlDateTime } from '../../database/sql-time';

/**
 * Fixed-window rate limiting kept in the database, so every server process behind the load balancer
 * counts the same hits. One atomic upsert per request.
 */
@Injectable()
export class RateLimitService {
  constructor(private readonly dataSource: DataSource) {}

  async consume(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
    const bucket = Math.floor(now.getTime() / (windowSeconds * 1000));
    const rowKey = `${key}:${bucket}`.slice(0, 191);
    const expiresAt = toSqlDateTime(new Date((bucket + 1) * windowSeconds * 1000));
    let hits: number;
    if (this.dataSource.options.type === 'mysql') {
      await this.dataSource.query(
        'INSERT INTO `rate_limits` (`key`, `hits`, `expiresAt`) VALUES (?, 1, ?) ON DUPLICATE KEY UPDATE `hits` = `hits` + 1',
        [rowKey, expiresAt],
      );
      const rows: Array<{ hits: number }> = await this.dataSource.query('SELECT `hits` FROM `rate_limits` WHERE `key` = ?', [rowKey]);
      hits = Number(rows[0]?.hits ?? 1);
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
        this.dataSource.options.type === 'mysql'
          ? 'DELETE FROM `rate_limits` WHERE `expiresAt` < ?'
          : 'DELETE FROM "rate_limits" WHERE "expiresAt" < ?',
        [toSqlDateTime(now)],
      );
    }
    if (hits > limit) throw new AppError('RATE_LIMITED');
  }
}
