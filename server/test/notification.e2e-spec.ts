import { Clock } from '../src/common/clock';
import { OutboxWorker } from '../src/modules/notification/outbox.worker';
import { NotificationService } from '../src/modules/notification/notification.service';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { devLogin } from './factories/auth.factory';
import { FakeWechatServer } from './support/fake-wechat';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createWorld } from './factories/world.factory';

type Auth = { Authorization: string };

describe.each(DATABASES)('reminders through the outbox on %s', (db) => {
  let t: TestApp;
  let secretary: Auth;
  let orgId: string;
  const wechat = new FakeWechatServer();

  const wechatUser = async (openid: string): Promise<{ auth: Auth; id: number }> => {
    const res = await t.http().post('/api/auth/wechat-login').send({ code: `ok-${openid}` }).expect(200);
    return { auth: { Authorization: `Bearer ${res.body.accessToken}` }, id: Number(res.body.user.id) };
  };

  beforeAll(async () => {
    const base = await wechat.start();
    t = await startTestApp(db, {
      WECHAT_API_BASE: base,
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_TEMPLATE_ACTIVITY_RESULT: 'tmpl-result',
      WECHAT_TEMPLATE_ACTIVITY_REMINDER: 'tmpl-reminder',
    });
    const world = await createWorld(t);
    secretary = world.secretary.auth;
    orgId = world.branch.id;
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('sends a subscribe message after sign-up, sharing one access token and truncating values', async () => {
    const activity = await publishedActivity(t, secretary, activityBody(orgId, { title: '发展纾难 共谋未来 政企对接座谈会（第三期）', formFields: [] }));
    const a = await wechatUser('sub-user-a');
    const b = await wechatUser('sub-user-b');
    await t.http().post(`/api/activities/${activity.id}/registrations`).set(a.auth).send({ answers: {} }).expect(201);
    await t.http().post(`/api/activities/${activity.id}/registrations`).set(b.auth).send({ answers: {} }).expect(201);
    const pending = await t.app.get(NotificationService).outboxFor([a.id, b.id]);
    expect(pending.map((o) => o.status)).toEqual(['PENDING', 'PENDING']);

    const tokenCallsBefore = wechat.tokenCalls;
    expect(await t.app.get(OutboxWorker).processDue()).toBe(2);
    expect(wechat.tokenCalls - tokenCallsBefore).toBe(1);
    const message = wechat.sent.find((m) => m.touser === 'sub-user-a')!;
    expect(message).toMatchObject({ template_id: 'tmpl-result', page: `pages/activity-detail/index?id=${activity.id}` });
    expect([...message.data.thing1.value].length).toBeLessThanOrEqual(20);
    expect(message.data.time2.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const done = await t.app.get(NotificationService).outboxFor([a.id, b.id]);
    expect(done.map((o) => o.status)).toEqual(['SENT', 'SENT']);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
  });

  it('records a refusal (43101) without retrying, retries when WeChat is busy, refreshes an expired token once', async () => {
    const activity = await publishedActivity(t, secretary, activityBody(orgId, { formFields: [] }));
    const refuser = await wechatUser('refuse-1');
    const busy = await wechatUser('busy-1');
    await t.http().post(`/api/activities/${activity.id}/registrations`).set(refuser.auth).send({ answers: {} }).expect(201);
    await t.http().post(`/api/activities/${activity.id}/registrations`).set(busy.auth).send({ answers: {} }).expect(201);
    wechat.expireTokens();
    await t.app.get(OutboxWorker).processDue();
    const [refused, retried] = await t.app.get(NotificationService).outboxFor([refuser.id, busy.id]);
    expect(refused).toMatchObject({ status: 'SKIPPED', attempts: 1 });
    expect(refused.lastError).toContain('43101');
    expect(retried).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(retried.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    expect(await t.app.get(OutboxWorker).processDue()).toBe(0);
    t.app.get(Clock).travel(60 * 1000);
    expect(await t.app.get(OutboxWorker).processDue()).toBe(1);
    const [, sent] = await t.app.get(NotificationService).outboxFor([refuser.id, busy.id]);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
    t.app.get(Clock).reset();
  });

  it('skips people without a WeChat identity and never blocks the sign-up', async () => {
    const activity = await publishedActivity(t, secretary, activityBody(orgId, { formFields: [] }));
    const dev = await devLogin(t, 'dev-only-person');
    await t.http().post(`/api/activities/${activity.id}/registrations`).set(dev.auth).send({ answers: {} }).expect(201);
    await t.app.get(OutboxWorker).processDue();
    const rows = await t.app.get(NotificationService).outboxFor([Number(dev.user.id)]);
    expect(rows[0].status).toMatch(/SENT|SKIPPED/);
    const unread = await t.http().get('/api/me/notifications/unread-count').set(dev.auth).expect(200);
    expect(unread.body.unread).toBe(1);
    const list = await t.http().get('/api/me/notifications').set(dev.auth).expect(200);
    await t.http().post(`/api/me/notifications/${list.body.items[0].id}/read`).set(dev.auth).expect(204);
    expect((await t.http().get('/api/me/notifications/unread-count').set(dev.auth).expect(200)).body.unread).toBe(0);
    await t.http().post(`/api/me/notifications/${list.body.items[0].id}/read`).set(secretary).expect(404);
  });
});
