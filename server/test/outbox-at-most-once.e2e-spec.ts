import { Clock } from '../src/common/clock';
import { NotificationService } from '../src/modules/notification/notification.service';
import { OutboxEntity } from '../src/modules/notification/outbox.entity';
import { OutboxWorker } from '../src/modules/notification/outbox.worker';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { FakeWechatServer } from './support/fake-wechat';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createWorld } from './factories/world.factory';

type Auth = { Authorization: string };

/** Issue 9 item 2: a WeChat subscribe message goes out at most once, whatever the timing. */
describe.each(DATABASES)('outbox sends each message at most once on %s', (db) => {
  let t: TestApp;
  let secretary: Auth;
  let orgId: string;
  const wechat = new FakeWechatServer();
  let seq = 0;

  /** `n` people with a WeChat identity sign up for a new activity; returns their user ids and openids. */
  const signUps = async (n: number): Promise<Array<{ id: number; openid: string }>> => {
    const activity = await publishedActivity(t, secretary, activityBody(orgId, { capacity: 100, formFields: [] }));
    const people: Array<{ id: number; openid: string }> = [];
    for (let i = 0; i < n; i++) {
      const openid = `amo-${db}-${++seq}`;
      const login = await t.http().post('/api/auth/wechat-login').send({ code: `ok-${openid}` }).expect(200);
      await t.http().post(`/api/activities/${activity.id}/registrations`).set({ Authorization: `Bearer ${login.body.accessToken}` }).send({ answers: {} }).expect(201);
      people.push({ id: Number(login.body.user.id), openid });
    }
    return people;
  };
  const deliveries = (openid: string) => wechat.sent.filter((m) => m.touser === openid).length;
  const waitFor = async (what: string, ok: () => boolean | Promise<boolean>, ms = 10000): Promise<void> => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (await ok()) return;
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    const base = await wechat.start();
    t = await startTestApp(db, {
      WECHAT_API_BASE: base,
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_TEMPLATE_ACTIVITY_RESULT: 'tmpl-result',
      WECHAT_TIMEOUT_MS: '1000',
      OUTBOX_CONCURRENCY: '3',
    });
    const world = await createWorld(t);
    secretary = world.secretary.auth;
    orgId = world.branch.id;
  });
  afterEach(() => {
    wechat.sendDelayMs = 0;
    t.app.get(Clock).reset();
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('does not send a row again when its claim would have run out mid-batch (slow WeChat, a second worker)', async () => {
    const people = await signUps(9);
    wechat.sendDelayMs = 400;
    const worker = t.app.get(OutboxWorker);
    const first = worker.processDue();
    // The first worker is mid-batch (its first sends are in flight at WeChat) when time jumps past every
    // claim it took or would have taken at its start, and a second worker starts.
    await waitFor('the first sends to arrive', () => wechat.sent.length > 0 && people.some((p) => deliveries(p.openid) > 0));
    t.app.get(Clock).travel(10 * 60 * 1000);
    const second = worker.processDue();
    await Promise.all([first, second]);
    await worker.processDue();

    for (const p of people) expect({ openid: p.openid, deliveries: deliveries(p.openid) }).toEqual({ openid: p.openid, deliveries: 1 });
    const rows = await t.app.get(NotificationService).outboxFor(people.map((p) => p.id));
    // The sends in flight while their claim ran out were recorded by their own worker when WeChat answered.
    expect(rows.map((r) => r.status)).toEqual(people.map(() => 'SENT'));
    expect(rows.every((r) => r.attempts === 1 && r.lockedUntil === null)).toBe(true);
    expect(new Set(rows.map((r) => r.lockedBy)).size).toBe(rows.length);
  });

  it('claims each row on its own: concurrent workers share the rows, each sent once', async () => {
    const people = await signUps(12);
    wechat.sendDelayMs = 150;
    const worker = t.app.get(OutboxWorker);
    const sent = await Promise.all([worker.processDue(), worker.processDue(), worker.processDue()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(12);
    for (const p of people) expect(deliveries(p.openid)).toBe(1);
    const rows = await t.app.get(NotificationService).outboxFor(people.map((p) => p.id));
    expect(rows.map((r) => r.status)).toEqual(people.map(() => 'SENT'));
  });

  it('marks a row left mid-send by a stopped process UNKNOWN once its claim runs out, and never sends it', async () => {
    const [stuck, waiting] = await signUps(2);
    const repo = t.dataSource.getRepository(OutboxEntity);
    const [stuckRow] = await t.app.get(NotificationService).outboxFor([stuck.id]);
    const claimedAt = t.app.get(Clock).now();
    await repo.update({ id: stuckRow.id }, { status: 'SENDING', lockedBy: 'gone-host:4242:deadbeef#7', lockedUntil: new Date(claimedAt.getTime() + t.app.get(OutboxWorker).claimMs) });

    // While the claim runs, nobody touches the row.
    expect(await t.app.get(OutboxWorker).processDue()).toBe(1);
    expect(await repo.findOneByOrFail({ id: stuckRow.id })).toMatchObject({ status: 'SENDING', lockedBy: 'gone-host:4242:deadbeef#7' });

    t.app.get(Clock).travel(t.app.get(OutboxWorker).claimMs + 1000);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
    const after = await repo.findOneByOrFail({ id: stuckRow.id });
    expect(after).toMatchObject({ status: 'UNKNOWN', attempts: 0 });
    expect(after.lastError).toContain('outcome unknown');
    t.app.get(Clock).travel(24 * 3600 * 1000);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
    expect(deliveries(stuck.openid)).toBe(0);
    expect(deliveries(waiting.openid)).toBe(1);
  });

  it('does not resend a message whose send timed out (WeChat may have delivered it)', async () => {
    const [person] = await signUps(1);
    wechat.sendDelayMs = 1500; // longer than WECHAT_TIMEOUT_MS=1000
    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
    const [row] = await t.app.get(NotificationService).outboxFor([person.id]);
    expect(row).toMatchObject({ status: 'UNKNOWN', attempts: 1 });
    expect(row.lastError).toContain('no answer within 1000 ms');
    wechat.sendDelayMs = 0;
    t.app.get(Clock).travel(24 * 3600 * 1000);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
    expect(deliveries(person.openid)).toBe(1);
  });

  it('still retries a send WeChat certainly did not take (busy), and records only under its own claim', async () => {
    const activity = await publishedActivity(t, secretary, activityBody(orgId, { capacity: 100, formFields: [] }));
    const login = await t.http().post('/api/auth/wechat-login').send({ code: `ok-busy-amo-${db}` }).expect(200);
    await t.http().post(`/api/activities/${activity.id}/registrations`).set({ Authorization: `Bearer ${login.body.accessToken}` }).send({ answers: {} }).expect(201);
    const userId = Number(login.body.user.id);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
    const [retry] = await t.app.get(NotificationService).outboxFor([userId]);
    expect(retry).toMatchObject({ status: 'PENDING', attempts: 1, lockedBy: null, lockedUntil: null });
    t.app.get(Clock).travel(60 * 1000);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(1);
    const [sent] = await t.app.get(NotificationService).outboxFor([userId]);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(deliveries(`busy-amo-${db}`)).toBe(1);
  });
});
