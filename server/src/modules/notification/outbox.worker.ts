import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LeaseService } from '../scheduler/lease.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { UserEntity } from '../user/user.entity';
import { SubscribeMessageSender } from '../wechat/subscribe-message.sender';
import { OutboxEntity } from './outbox.entity';

const MAX_ATTEMPTS = 5;

/** Sends due outbox rows through WeChat; failures are retried with backoff and never block anyone. */
@Injectable()
export class OutboxWorker implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: SubscribeMessageSender,
    private readonly clock: Clock,
    private readonly leases: LeaseService,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('notification-outbox', 5000, () => this.processDue().then(() => undefined));
  }

  async processDue(batch = 50): Promise<number> {
    const repo = this.dataSource.getRepository(OutboxEntity);
    const now = this.clock.now();
    const due = await repo
      .createQueryBuilder('o')
      .where('o.status = :status', { status: 'PENDING' })
      .andWhere('o.nextAttemptAt <= :now', { now })
      .andWhere(new Brackets((qb) => qb.where('o.lockedUntil IS NULL').orWhere('o.lockedUntil < :now', { now })))
      .orderBy('o.id', 'ASC')
      .limit(batch)
      .getMany();
    let sent = 0;
    for (const row of due) {
      const claim = await repo
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({ lockedUntil: new Date(now.getTime() + 60000), lockedBy: this.leases.holder })
        .where('id = :id AND status = :status', { id: row.id, status: 'PENDING' })
        .andWhere(new Brackets((qb) => qb.where('lockedUntil IS NULL').orWhere('lockedUntil < :now', { now })))
        .execute();
      if (!claim.affected) continue;
      if (await this.deliver(row)) sent++;
    }
    return sent;
  }

  private async deliver(row: OutboxEntity): Promise<boolean> {
    const repo = this.dataSource.getRepository(OutboxEntity);
    const finish = (patch: Partial<OutboxEntity>) => repo.update({ id: row.id }, { lockedUntil: null, lockedBy: null, ...patch });
    const templateId = this.config.wechat.templates[row.templateKey];
    const user = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, openid: true }, where: { id: row.userId } });
    if (!templateId) {
      await finish({ status: 'SKIPPED', lastError: `no template configured for ${row.templateKey}` });
      return false;
    }
    if (!user?.openid) {
      await finish({ status: 'SKIPPED', lastError: 'person has no WeChat openid' });
      return false;
    }
    const outcome = await this.sender.send({ openid: user.openid, templateId, page: row.page, data: row.data });
    const attempts = row.attempts + 1;
    switch (outcome.result) {
      case 'sent':
        await finish({ status: 'SENT', attempts, lastError: null });
        return true;
      case 'refused':
        await finish({ status: 'SKIPPED', attempts, lastError: outcome.reason });
        return false;
      case 'failed':
        await finish({ status: 'FAILED', attempts, lastError: outcome.reason });
        return false;
      case 'retry': {
        const backoffMs = Math.min(30000 * 2 ** (attempts - 1), 30 * 60000);
        await finish(
          attempts >= MAX_ATTEMPTS
            ? { status: 'FAILED', attempts, lastError: outcome.reason }
            : { attempts, lastError: outcome.reason, nextAttemptAt: new Date(this.clock.now().getTime() + backoffMs) },
        );
        return false;
      }
    }
  }
}
