import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LeaseService } from './lease.service';

interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
  lastRun: number;
}

/**
 * Runs registered jobs on an interval in every process; a database lease makes sure only one process
 * runs a given job at a time. All job state lives in the database, so a restart loses nothing.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly jobs: Job[] = [];
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: LeaseService,
  ) {}

  register(name: string, everyMs: number, run: () => Promise<void>): void {
    this.jobs.push({ name, everyMs, run, lastRun: 0 });
  }

  onApplicationBootstrap(): void {
    if (!this.config.scheduler) return;
    this.timer = setInterval(() => void this.tick(), 2000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Runs every job once now (tests, and the admin "run now"); returns when all are done. */
  async runAllOnce(): Promise<void> {
    for (const job of this.jobs) await this.runJob(job);
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = Date.now();
      for (const job of this.jobs) {
        if (now - job.lastRun >= job.everyMs) await this.runJob(job);
      }
    } finally {
      this.ticking = false;
    }
  }

  private async runJob(job: Job): Promise<void> {
    job.lastRun = Date.now();
    try {
      if (!(await this.leases.acquire(`job:${job.name}`, Math.max(job.everyMs * 3, 30000)))) return;
      await job.run();
    } catch (err) {
      this.logger.error(`Job ${job.name} failed: ${(err as Error).message}`);
    }
  }
}
