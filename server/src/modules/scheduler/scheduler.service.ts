import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LeaseService } from './lease.service';

/** A job's work. The signal aborts when the process shuts down or loses the job's lease: stop taking new work then. */
export type JobRun = (signal: AbortSignal) => Promise<void>;

interface Job {
  name: string;
  everyMs: number;
  run: JobRun;
  /** Date.now() at which this process next tries to run the job. */
  nextAttemptAt: number;
  running?: Promise<void>;
  abort?: AbortController;
}

const TICK_MS = 1000;

/**
 * Runs registered jobs on an interval in every process; a database lease makes sure only one process
 * runs a given job at a time, and once per interval across processes. All job state lives in the
 * database, so a restart loses nothing.
 *
 * Leases are short (JOB_LEASE_TTL_MS) and renewed every quarter of that while the job runs, so a
 * long run keeps its lease and a crashed holder is replaced within one TTL. A process that does not
 * get a lease looks again after min(interval, TTL / 4). On shutdown the running jobs are aborted
 * (they finish what is in flight), awaited for up to JOB_SHUTDOWN_GRACE_MS, and every lease of this
 * process is deleted, so another process takes over at its next look.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly jobs: Job[] = [];
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: LeaseService,
  ) {}

  register(name: string, everyMs: number, run: JobRun): void {
    this.jobs.push({ name, everyMs, run, nextAttemptAt: 0 });
  }

  onApplicationBootstrap(): void {
    if (!this.config.scheduler) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    const running = this.jobs.filter((job) => job.running);
    for (const job of running) job.abort?.abort(new Error('shutting down'));
    if (running.length > 0) {
      let timeout: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled(running.map((job) => job.running)).then(() => true),
        new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), this.config.jobs.shutdownGraceMs))),
      ]);
      clearTimeout(timeout);
      if (!finished) this.logger.warn(`Shutting down while ${running.map((j) => j.name).join(', ')} still run; releasing their leases anyway`);
    }
    try {
      await this.leases.releaseAll();
    } catch (err) {
      this.logger.warn(`Could not release job leases on shutdown: ${(err as Error).message}`);
    }
  }

  /** Runs every job once now, in this process, unless another process holds its lease; returns when all are done (tests, "run now"). */
  async runAllOnce(): Promise<void> {
    for (const job of this.jobs) await (job.running ?? this.launch(job));
  }

  private tick(): void {
    if (this.stopping) return;
    const now = Date.now();
    for (const job of this.jobs) {
      if (!job.running && now >= job.nextAttemptAt) void this.launch(job);
    }
  }

  private launch(job: Job): Promise<void> {
    const running = this.runJob(job).finally(() => {
      job.running = undefined;
    });
    job.running = running;
    return running;
  }

  private async runJob(job: Job): Promise<void> {
    const ttlMs = this.config.jobs.leaseTtlMs;
    const renewEveryMs = Math.max(250, Math.floor(ttlMs / 4));
    const lease = `job:${job.name}`;
    const started = Date.now();
    // Without the lease, look again soon: the holder may be gone or finished.
    job.nextAttemptAt = started + Math.min(job.everyMs, renewEveryMs);
    try {
      if (this.stopping || !(await this.leases.acquire(lease, ttlMs))) return;
    } catch (err) {
      this.logger.error(`Job ${job.name}: could not take its lease: ${(err as Error).message}`);
      return;
    }

    const controller = new AbortController();
    job.abort = controller;
    let lastRenewed = Date.now();
    let renewing: Promise<void> | undefined;
    const heartbeat = setInterval(() => {
      if (renewing) return;
      renewing = this.leases
        .renew(lease, ttlMs)
        .then(
          (mine) => {
            if (mine) {
              lastRenewed = Date.now();
            } else {
              this.logger.warn(`Job ${job.name} lost its lease; stopping after the work in flight`);
              controller.abort(new Error('lease lost'));
            }
          },
          (err: unknown) => {
            this.logger.warn(`Job ${job.name}: could not renew its lease: ${(err as Error).message}`);
            if (Date.now() - lastRenewed >= ttlMs) controller.abort(new Error('lease expired'));
          },
        )
        .finally(() => {
          renewing = undefined;
        });
    }, renewEveryMs);
    heartbeat.unref();

    try {
      await job.run(controller.signal);
    } catch (err) {
      this.logger.error(`Job ${job.name} failed: ${(err as Error).message}`);
    } finally {
      clearInterval(heartbeat);
      await renewing;
      job.abort = undefined;
      job.nextAttemptAt = started + job.everyMs;
      try {
        // Keep the row until the next turn is due, so no process runs the job again before then.
        await this.leases.release(lease, this.stopping ? 0 : started + job.everyMs - Date.now());
      } catch (err) {
        this.logger.warn(`Job ${job.name}: could not release its lease: ${(err as Error).message}`);
      }
    }
  }
}
