import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { isUniqueViolation } from '../../database/db-errors';
import { JobLeaseEntity } from './job-lease.entity';

/**
 * Database leases so each scheduled job runs in one server process at a time. A lease row names its
 * holder and when it expires; anyone may take a lease that has expired. A running job keeps its lease
 * by renewing it (SchedulerService's heartbeat); a finished job keeps the row until its next run is
 * due, so the job runs once per interval across all processes; a process that shuts down deletes its
 * rows so another process takes over at once.
 */
@Injectable()
export class LeaseService {
  /** Unique per process start; at most 30 + 1 + 7 + 1 + 8 characters, so claims built on it fit 64. */
  readonly holder = `${hostname().slice(0, 30)}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Takes the lease for ttlMs if nobody holds it or its holder's time is up (the holder's own included). */
  async acquire(name: string, ttlMs: number): Promise<boolean> {
    const repo = this.dataSource.getRepository(JobLeaseEntity);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    const taken = await repo.update({ name, expiresAt: LessThanOrEqual(now) }, { holder: this.holder, expiresAt });
    if (taken.affected) return true;
    if (await repo.existsBy({ name })) return false;
    try {
      await repo.insert({ name, holder: this.holder, expiresAt });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Extends a lease this process holds; false when it is no longer ours (taken over or released). */
  async renew(name: string, ttlMs: number): Promise<boolean> {
    const expiresAt = new Date(this.clock.now().getTime() + ttlMs);
    const result = await this.dataSource.getRepository(JobLeaseEntity).update({ name, holder: this.holder }, { expiresAt });
    return Boolean(result.affected);
  }

  /**
   * Gives the lease up. With keepForMs > 0 the row stays ours for that long (nobody runs the job before
   * its next turn); otherwise it is deleted and anyone may take it now.
   */
  async release(name: string, keepForMs = 0): Promise<void> {
    const repo = this.dataSource.getRepository(JobLeaseEntity);
    if (keepForMs > 0) {
      await repo.update({ name, holder: this.holder }, { expiresAt: new Date(this.clock.now().getTime() + keepForMs) });
    } else {
      await repo.delete({ name, holder: this.holder });
    }
  }

  /** Deletes every lease this process holds (shutdown). */
  async releaseAll(): Promise<void> {
    await this.dataSource.getRepository(JobLeaseEntity).delete({ holder: this.holder });
  }
}
