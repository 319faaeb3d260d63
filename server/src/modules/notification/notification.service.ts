import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind, NotificationResponse, Page } from '@torch-red/shared';
import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { execute } from '../../database/raw-sql';
import { toIso, toSqlDateTime } from '../../database/sql-time';
import { NotificationEntity } from './notification.entity';
import { OutboxEntity } from './outbox.entity';

export interface NotifyInput {
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
  /** Values for the WeChat subscribe message (keys as in the template, e.g. thing1, time2). */
  wechat?: { templateKey: string; data: Record<string, string> };
}

function toResponse(n: NotificationEntity): NotificationResponse {
  return { id: String(n.id), kind: n.kind, title: n.title, body: n.body, link: n.link, readAt: toIso(n.readAt), createdAt: toIso(n.createdAt) };
}

/**
 * In-app messages plus the WeChat outbox. `notify` runs inside the caller's transaction, so a message
 * exists exactly when the change that caused it committed; sending happens later and never blocks.
 */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Two plain INSERTs per person (message, then its outbox row): sign-ups call this while holding the activity
   * row lock, and TypeORM's insert() would read each new row back on MySQL for its defaults.
   */
  async notify(m: EntityManager, userIds: number[], input: NotifyInput): Promise<void> {
    const now = toSqlDateTime(this.clock.now());
    const link = input.link ?? null;
    const wechat = input.wechat ? JSON.stringify(input.wechat.data) : null;
    for (const userId of [...new Set(userIds)]) {
      const { insertId: notificationId } = await execute(m, 'INSERT INTO notifications (userId, kind, title, body, link, readAt) VALUES (?, ?, ?, ?, ?, NULL)', [
        userId,
        input.kind,
        input.title.slice(0, 100),
        input.body.slice(0, 500),
        link,
      ]);
      if (input.wechat) {
        await execute(
          m,
          "INSERT INTO notification_outbox (notificationId, userId, templateKey, data, page, status, attempts, nextAttemptAt, lockedUntil, lockedBy, lastError) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, NULL, NULL, NULL)",
          [notificationId, userId, input.wechat.templateKey, wechat, link ? link.replace(/^\//, '') : null, now],
        );
      }
    }
  }

  async list(userId: number, limit: number, cursor?: number): Promise<Page<NotificationResponse>> {
    const rows = await this.dataSource.getRepository(NotificationEntity).find({
      where: { userId, ...(cursor ? { id: LessThan(cursor) } : {}) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return { items: page.map(toResponse), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  async unreadCount(userId: number): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: number, id: number): Promise<void> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const row = await repo.findOneBy({ id, userId });
    if (!row) throw new AppError('NOT_FOUND');
    if (!row.readAt) await repo.update({ id, userId, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  async markAllRead(userId: number): Promise<void> {
    await this.dataSource.getRepository(NotificationEntity).update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  /** For tests and the admin: what the outbox holds for these people. */
  async outboxFor(userIds: number[]): Promise<OutboxEntity[]> {
    return this.dataSource.getRepository(OutboxEntity).find({ where: { userId: In(userIds) }, order: { id: 'ASC' } });
  }
}
