import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LeaseService } from '../scheduler/lease.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { type SendOutcome, SubscribeMessageSender } from '../wechat/subscribe-message.sender';
import { OutboxEntity } from './outbox.entity';

const MAX_ATTEMPTS = 5;
/** A claim lasts the longest a send can take plus this (database round trips, a busy event loop, clock skew). */
const CLAIM_MARGIN_MS = 30000;

/**
 * Sends due outbox rows through WeChat; failures are retried with backoff and never block anyone.
 *
 * At most once, across any number of processes and workers: a row is claimed on its own right before
 * its send (PENDING → SENDING, with a claim id used by no other send), and its outcome is written only
 * `WHERE lockedBy = <that claim>`. A SENDING row is never claimed again; if its claim runs out (the
 * process died mid-send) it becomes UNKNOWN and stays so, because WeChat would show a second copy. A
 * send whose outcome is unknown (timeout, dropped connection) is UNKNOWN too; only sends WeChat
 * certainly did not take are retried.
 */
@Injectable()
export class OutboxWorker implements OnModuleInit {
  private readonly logger = new Logger('Outbox');
  private claimSeq = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: SubscribeMessageSender,
    private readonly clock: Clock,
    private readonly leases: LeaseService,
    private readonly scheduler: SchedulerService,
    private readonly people: PeopleDirectory,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('notification-outbox', this.config.jobs.outboxIntervalMs, (signal) => this.processDue(50, signal).then(() => undefined));
  }

  /** The longest one send can take: a token fetch and a post, both repeated once when the token has expired. */
  get claimMs(): number {
    return 4 * this.config.wechat.timeoutMs + CLAIM_MARGIN_MS;
  }

  /**
   * Sends up to `batch` due rows, OUTBOX_CONCURRENCY at a time, each claimed just before its send.
   * Stops taking new rows when `signal` aborts (shutdown, lease lost); sends in flight complete.
   */
  async processDue(batch = 50, signal?: AbortSignal): Promise<number> {
    await this.expireClaims();
    const now = this.clock.now();
    const due = await this.dataSource
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .select('o.id')
      .where('o.status = :status', { status: 'PENDING' })
      .andWhere('o.nextAttemptAt <= :now', { now })
      .andWhere(new Brackets((qb) => qb.where('o.lockedUntil IS NULL').orWhere('o.lockedUntil < :now', { now })))
      .orderBy('o.id', 'ASC')
      .limit(batch)
      .getMany();
    let next = 0;
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length && !signal?.aborted) {
        const row = await this.claim(due[next++].id);
        if (row && (await this.deliver(row))) sent++;
      }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(this.config.jobs.outboxConcurrency, due.length) }, worker));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    return sent;
  }

  /** Rows whose claim ran out while SENDING: their send may have gone out, so they are never sent again. */
  private async expireClaims(): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ status: 'UNKNOWN', lastError: 'claim ran out while sending (process stopped?): outcome unknown, not resent' })
      .where('status = :status AND lockedUntil < :now', { status: 'SENDING', now: this.clock.now() })
      .execute();
    if (result.affected) this.logger.warn(`${result.affected} outbox row(s) were left mid-send by a stopped process; marked UNKNOWN, not resent`);
  }

  /** PENDING → SENDING for this send only; the deadline is counted from now, when the send starts. */
  private async claim(id: number): Promise<OutboxEntity | null> {
    const now = this.clock.now();
    const claimId = `${this.leases.holder}#${++this.claimSeq}`;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ status: 'SENDING', lockedBy: claimId, lockedUntil: new Date(now.getTime() + this.claimMs) })
      .where('id = :id AND status = :status AND nextAttemptAt <= :now', { id, status: 'PENDING', now })
      // A row claimed by an older server version (PENDING with a running lockedUntil) is left alone too.
      .andWhere(new Brackets((qb) => qb.where('lockedUntil IS NULL').orWhere('lockedUntil < :now', { now })))
      .execute();
    if (!result.affected) return null;
    return this.dataSource.getRepository(OutboxEntity).findOneBy({ id, lockedBy: claimId });
  }

  private async deliver(row: OutboxEntity): Promise<boolean> {
    const repo = this.dataSource.getRepository(OutboxEntity);
    const claimId = row.lockedBy!;
    const finish = async (patch: Partial<OutboxEntity>): Promise<void> => {
      const lastError = patch.lastError ? patch.lastError.slice(0, 300) : patch.lastError;
      const result = await repo.update({ id: row.id, lockedBy: claimId }, { lockedUntil: null, ...patch, ...(lastError !== undefined ? { lastError } : {}) });
      if (!result.affected) this.logger.warn(`Outbox row ${row.id}: claim ${claimId} is gone; outcome ${patch.status} not recorded`);
    };
    const templateId = this.config.wechat.templates[row.templateKey];
    let openid: string | null | undefined;
    try {
      openid = await this.people.openidOf(row.userId);
    } catch (err) {
      // Nothing was sent: hand the row back.
      await finish({ status: 'PENDING', lockedBy: null });
      throw err;
    }
    if (!templateId) {
      await finish({ status: 'SKIPPED', lastError: `no template configured for ${row.templateKey}` });
      return false;
    }
    if (!openid) {
      await finish({ status: 'SKIPPED', lastError: 'person has no WeChat openid' });
      return false;
    }
    let outcome: SendOutcome;
    try {
      outcome = await this.sender.send({ openid, templateId, page: row.page, data: row.data });
    } catch (err) {
      // send() throws only before a message could have reached WeChat (its token bookkeeping).
      outcome = { result: 'retry', reason: `not sent: ${(err as Error).message}` };
    }
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
      case 'unknown':
        this.logger.warn(`Outbox row ${row.id}: ${outcome.reason}`);
        await finish({ status: 'UNKNOWN', attempts, lastError: outcome.reason });
        return false;
      case 'retry': {
        const backoffMs = Math.min(30000 * 2 ** (attempts - 1), 30 * 60000);
        await finish(
          attempts >= MAX_ATTEMPTS
            ? { status: 'FAILED', attempts, lastError: outcome.reason }
            : { status: 'PENDING', lockedBy: null, attempts, lastError: outcome.reason, nextAttemptAt: new Date(this.clock.now().getTime() + backoffMs) },
        );
        return false;
      }
    }
  }
}
