import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, LessThan, QueryFailedError } from 'typeorm';
import { Clock } from '../../common/clock';
import { JobLeaseEntity } from './job-lease.entity';

/** Database leases so each scheduled job runs in one server process at a time. */
@Injectable()
export class LeaseService {
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async acquire(name: string, ttlMs: number): Promise<boolean> {
    const repo = this.dataSource.getRepository(JobLeaseEntity);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    const mine = await repo.update({ name, holder: this.holder }, { expiresAt });
    if (mine.affected) return true;
    const taken = await repo.update({ name, expiresAt: LessThan(now) }, { holder: this.holder, expiresAt });
    if (taken.affected) return true;
    try {
      await repo.insert({ name, holder: this.holder, expiresAt });
      return true;
    } catch (err) {
      if (err instanceof QueryFailedError) return false;
      throw err;
    }
  }

  async release(name: string): Promise<void> {
    await this.dataSource.getRepository(JobLeaseEntity).delete({ name, holder: this.holder });
  }
}
