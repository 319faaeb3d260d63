import { Clock } from '../src/common/clock';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { JobLeaseEntity } from '../src/modules/scheduler/job-lease.entity';
import { LeaseService } from '../src/modules/scheduler/lease.service';
import { SchedulerService } from '../src/modules/scheduler/scheduler.service';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 9 item 3: job leases are short, renewed while the job runs and released on shutdown. Each
 * LeaseService / SchedulerService pair below stands for one server process on the same database.
 */
describe.each(DATABASES)('job leases on %s', (db) => {
  let t: TestApp;
  const started: SchedulerService[] = [];

  const serverProcess = (jobs: Partial<AppConfig['jobs']>): { leases: LeaseService; scheduler: SchedulerService } => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const leases = new LeaseService(t.dataSource, new Clock());
    const scheduler = new SchedulerService({ ...config, scheduler: true, jobs: { ...config.jobs, ...jobs } }, leases);
    return { leases, scheduler };
  };
  const start = (scheduler: SchedulerService): void => {
    started.push(scheduler);
    scheduler.onApplicationBootstrap();
  };
  const waitFor = async (what: string, ok: () => boolean, ms = 15000): Promise<void> => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (ok()) return;
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.beforeApplicationShutdown()));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a lease has one holder until it runs out or is released', async () => {
    const a = new LeaseService(t.dataSource, new Clock());
    const b = new LeaseService(t.dataSource, new Clock());
    expect(await a.acquire('test:one', 60000)).toBe(true);
    expect(await b.acquire('test:one', 60000)).toBe(false);
    expect(await a.acquire('test:one', 60000)).toBe(false); // not twice, not even by its holder
    expect(await a.renew('test:one', 60000)).toBe(true);
    expect(await b.renew('test:one', 60000)).toBe(false);
    await b.release('test:one'); // not b's to release
    expect(await b.acquire('test:one', 60000)).toBe(false);
    await a.release('test:one', 60000); // kept until its next turn
    expect(await b.acquire('test:one', 60000)).toBe(false);
    await a.release('test:one');
    expect(await b.acquire('test:one', 100)).toBe(true);
    await sleep(150);
    expect(await a.acquire('test:one', 60000)).toBe(true); // b's ran out
    expect(await b.renew('test:one', 60000)).toBe(false); // and b knows it lost it
    await a.releaseAll();
    expect(await t.dataSource.getRepository(JobLeaseEntity).countBy({ holder: a.holder })).toBe(0);
    expect(await b.acquire('test:one', 60000)).toBe(true);
    await b.releaseAll();
  });

  it('a job that runs for many lease lengths keeps its lease: never two runners', async () => {
    let active = 0;
    let maxActive = 0;
    const runs: string[] = [];
    const job = (who: string) => async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs.push(who);
      await sleep(1600); // four lease lengths
      active--;
    };
    const a = serverProcess({ leaseTtlMs: 400 });
    const b = serverProcess({ leaseTtlMs: 400 });
    a.scheduler.register('long-job', 200, job('a'));
    b.scheduler.register('long-job', 200, job('b'));
    start(a.scheduler);
    start(b.scheduler);
    await waitFor('two runs', () => runs.length >= 2 && active === 0);
    expect(maxActive).toBe(1);
  });

  it('shutdown aborts the running job, waits for it and releases its lease: another process takes over at once', async () => {
    const events: string[] = [];
    const a = serverProcess({ leaseTtlMs: 8000 });
    const b = serverProcess({ leaseTtlMs: 8000 });
    a.scheduler.register('handover', 60000, async (signal) => {
      events.push('a started');
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      events.push('a aborted');
      await sleep(300); // finishes the work in flight
      events.push('a finished');
    });
    b.scheduler.register('handover', 60000, async () => {
      events.push('b started');
    });
    start(a.scheduler);
    await waitFor('a to start', () => events.includes('a started'));
    start(b.scheduler);
    await sleep(2500); // b looks every 2 s (a quarter of the TTL) and finds the lease taken
    expect(events).toEqual(['a started']);
    const lease = await t.dataSource.getRepository(JobLeaseEntity).findOneByOrFail({ name: 'job:handover' });
    expect(lease.holder).toBe(a.leases.holder);

    started.splice(started.indexOf(a.scheduler), 1);
    const stopAt = Date.now();
    await a.scheduler.beforeApplicationShutdown();
    expect(events).toEqual(['a started', 'a aborted', 'a finished']);
    expect(await t.dataSource.getRepository(JobLeaseEntity).countBy({ holder: a.leases.holder })).toBe(0);
    await waitFor('b to take over', () => events.includes('b started'));
    // Without the release b would wait for the lease to run out: up to 8 s after the last renewal.
    expect(Date.now() - stopAt).toBeLessThan(4000);
  });
});
