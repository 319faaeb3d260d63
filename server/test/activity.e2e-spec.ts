import type { ActivityDetailResponse, AttendeeResponse, CheckinCodeResponse, RegistrationResponse } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { Clock } from '../src/common/clock';
import { ActivityService } from '../src/modules/activity/activity.service';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { devLogin } from './factories/auth.factory';
import { createWorld, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;

describe.each(DATABASES)('activity sign-up on %s', (db) => {
  let t: TestApp;
  let secretary: Auth;
  let otherSecretary: Auth;
  let member: Auth;
  let admin: Auth;
  let ownOrg: string;
  let otherOrg: string;
  let world: World;
  const people = new Map<string, Auth>();
  const person = async (n: number): Promise<Auth> => {
    const key = `burst-${n}`;
    if (!people.has(key)) people.set(key, (await devLogin(t, `e2e-member-${n}`, `成员${n}`)).auth);
    return people.get(key)!;
  };

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
    ({ admin } = world);
    secretary = world.secretary.auth;
    otherSecretary = world.otherSecretary.auth;
    member = world.member.auth;
    ownOrg = world.branch.id;
    otherOrg = world.otherBranch.id;
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => t.app.get(Clock).reset());

  describe('publishing', () => {
    it('drafts, publishes and lists an activity; members never see drafts', async () => {
      const created = await t.http().post('/api/activities').set(secretary).send(activityBody(ownOrg, { title: '草稿活动' })).expect(201);
      expect(created.body).toMatchObject({ status: 'DRAFT', orgName: world.branch.name, confirmedCount: 0 });
      await t.http().get(`/api/activities/${created.body.id}`).set(member).expect(404);
      await t.http().post(`/api/activities/${created.body.id}/registrations`).set(member).send({ answers: { company: 'x' } }).expect(404);
      const listed = await t.http().get('/api/activities').set(member).expect(200);
      expect(listed.body.items.map((a: { id: string }) => a.id)).not.toContain(created.body.id);
      const published = await t.http().post(`/api/activities/${created.body.id}/publish`).set(secretary).expect(200);
      expect(published.body).toMatchObject({ status: 'PUBLISHED', phase: 'SIGNUP_OPEN' });
      const after = await t.http().get(`/api/activities?orgId=${ownOrg}`).set(member).expect(200);
      expect(after.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id);
    });

    it('lets a secretary touch only their own organisation', async () => {
      await t.http().post('/api/activities').set(otherSecretary).send(activityBody(ownOrg)).expect(404);
      await t.http().post('/api/activities').set(member).send(activityBody(ownOrg)).expect(403);
      const mine = await t.http().post('/api/activities').set(secretary).send(activityBody(ownOrg)).expect(201);
      const id = mine.body.id as string;
      await t.http().post(`/api/activities/${id}/publish`).set(otherSecretary).expect(404);
      await t.http().patch(`/api/activities/${id}`).set(otherSecretary).send({ title: '改' }).expect(404);
      await t.http().get(`/api/activities/${id}/registrations`).set(otherSecretary).expect(404);
      await t.http().get(`/api/activities/${id}/export`).set(otherSecretary).expect(404);
      await t.http().post(`/api/activities/${id}/cancel`).set(otherSecretary).send({}).expect(404);
      await t.http().post('/api/activities').set(admin).send(activityBody(otherOrg)).expect(201);
    });

    it('validates the activity', async () => {
      const bad = async (overrides: Record<string, unknown>, status = 400) =>
        (await t.http().post('/api/activities').set(secretary).send({ ...activityBody(ownOrg), ...overrides }).expect(status)).body;
      expect((await bad({ title: '' })).code).toBe('VALIDATION_FAILED');
      await bad({ type: 'PARTY' });
      await bad({ startAt: 'tomorrow' });
      await bad({ capacity: 0 });
      await bad({ capacity: -5 });
      await bad({ endAt: new Date(Date.now() + HOUR).toISOString() });
      await bad({ signupEndAt: new Date(Date.now() + 60 * HOUR).toISOString() });
      await bad({ formFields: [{ key: 'a', label: 'A', type: 'select', required: true }] });
      await bad({ formFields: [{ key: 'a', label: 'A', type: 'text', required: true }, { key: 'a', label: 'B', type: 'text', required: false }] });
      await bad({ formFields: [{ key: '1bad', label: 'A', type: 'text', required: true }] });
      await bad({ title: '长'.repeat(10000) });
    });
  });

  describe('signing up', () => {
    it('signs up through the form, once per person, with a message on 我的', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { title: '心理成长小课堂' }));
      const missing = await t.http().post(`/api/activities/${activity.id}/registrations`).set(member).send({ answers: {} }).expect(400);
      expect(missing.body).toMatchObject({ code: 'FORM_ANSWER_INVALID', details: [{ field: 'company' }] });
      expect(missing.body.message).toContain('单位名称');
      await t.http().post(`/api/activities/${activity.id}/registrations`).set(member).send({ answers: { company: 'x', meal: '可能' } }).expect(400);
      const first = await t.http().post(`/api/activities/${activity.id}/registrations`).set(member).send({ answers: { company: '明阳风电', meal: '是' } }).expect(201);
      expect(first.body).toMatchObject({ status: 'CONFIRMED', answers: { company: '明阳风电', meal: '是' } });
      const again = await t.http().post(`/api/activities/${activity.id}/registrations`).set(member).send({ answers: { company: '别的' } }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const detail = (await t.http().get(`/api/activities/${activity.id}`).set(member).expect(200)).body as ActivityDetailResponse;
      expect(detail).toMatchObject({ confirmedCount: 1, myRegistration: { id: first.body.id, status: 'CONFIRMED' }, canManage: false });
      const mine = await t.http().get('/api/me/registrations').set(member).expect(200);
      expect(mine.body.items[0]).toMatchObject({ registration: { id: first.body.id }, activity: { id: activity.id } });
      const inbox = await t.http().get('/api/me/notifications').set(member).expect(200);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'REGISTRATION_CONFIRMED', title: '报名成功' });
      expect(inbox.body.items[0].body).toContain('心理成长小课堂');
    });

    it('refuses sign-up outside the window, after a cancel deadline and on cancelled activities', async () => {
      const later = await publishedActivity(t, secretary, activityBody(ownOrg, { signupStartAt: new Date(Date.now() + 10 * HOUR).toISOString() }));
      expect((await t.http().post(`/api/activities/${later.id}/registrations`).set(member).send({ answers: { company: 'x' } }).expect(409)).body.code).toBe('SIGNUP_NOT_OPEN');

      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { cancelDeadline: new Date(Date.now() + 20 * HOUR).toISOString() }));
      await t.http().post(`/api/activities/${activity.id}/registrations`).set(member).send({ answers: { company: 'x' } }).expect(201);
      t.app.get(Clock).travel(30 * HOUR);
      expect((await t.http().delete(`/api/activities/${activity.id}/registrations/me`).set(member).expect(409)).body.code).toBe('CANCEL_DEADLINE_PASSED');
      t.app.get(Clock).travel(15 * HOUR);
      const closed = await t.http().post(`/api/activities/${activity.id}/registrations`).set(await person(900)).send({ answers: { company: 'x' } }).expect(409);
      expect(closed.body).toMatchObject({ code: 'SIGNUP_CLOSED', message: '报名已截止' });
      t.app.get(Clock).reset();

      const cancelled = await publishedActivity(t, secretary, activityBody(ownOrg));
      await t.http().post(`/api/activities/${cancelled.id}/registrations`).set(member).send({ answers: { company: 'x' } }).expect(201);
      const res = await t.http().post(`/api/activities/${cancelled.id}/cancel`).set(secretary).send({ reason: '天气原因' }).expect(200);
      expect(res.body.status).toBe('CANCELLED');
      expect((await t.http().post(`/api/activities/${cancelled.id}/registrations`).set(await person(901)).send({ answers: { company: 'x' } }).expect(409)).body.code).toBe('ACTIVITY_NOT_PUBLISHED');
      const inbox = await t.http().get('/api/me/notifications').set(member).expect(200);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'ACTIVITY_CANCELLED' });
      expect(inbox.body.items[0].body).toContain('天气原因');
    });

    it('refuses when full and there is no waitlist', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { capacity: 1, waitlist: false }));
      await t.http().post(`/api/activities/${activity.id}/registrations`).set(await person(910)).send({ answers: { company: 'x' } }).expect(201);
      const full = await t.http().post(`/api/activities/${activity.id}/registrations`).set(await person(911)).send({ answers: { company: 'x' } }).expect(409);
      expect(full.body).toMatchObject({ code: 'ACTIVITY_FULL', message: '名额已满' });
    });

    it('200 concurrent sign-ups for 10 seats: exactly 10 confirmed, 190 waitlisted, promotion in order', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { title: '链上企业团建', capacity: 10, formFields: [] }));
      const auths = await Promise.all(Array.from({ length: 200 }, (_, i) => person(i)));
      const results = await Promise.all(
        auths.map((auth) => t.http().post(`/api/activities/${activity.id}/registrations`).set(auth).send({ answers: {} })),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      const statuses = results.map((r) => (r.body as RegistrationResponse).status);
      expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10);
      expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(190);
      const positions = results.map((r) => (r.body as RegistrationResponse).waitlistPosition).filter((p): p is number => p !== null);
      expect(new Set(positions).size).toBe(190);

      const detail = (await t.http().get(`/api/activities/${activity.id}`).set(member).expect(200)).body as ActivityDetailResponse;
      expect(detail).toMatchObject({ confirmedCount: 10, waitlistCount: 190 });
      const rows: Array<{ n: number | string }> = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM registrations WHERE activityId = ${Number(activity.id)} AND status = 'CONFIRMED'`,
      );
      expect(Number(rows[0].n)).toBe(10);

      // Duplicate bursts from one person produce one registration.
      const dup = await Promise.all(Array.from({ length: 5 }, () => t.http().post(`/api/activities/${activity.id}/registrations`).set(auths[0]).send({ answers: {} })));
      expect(new Set(dup.map((r) => r.body.id)).size).toBe(1);

      // Cancellations promote the head of the waitlist, in order.
      const attendees = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
      const waitlist = attendees.filter((a) => a.status === 'WAITLISTED').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
      const confirmedUsers = attendees.filter((a) => a.status === 'CONFIRMED').map((a) => a.userId);
      const cancellers = auths.filter((_, i) => results[i].body.status === 'CONFIRMED').slice(0, 3);
      expect(cancellers).toHaveLength(3);
      await Promise.all(cancellers.map((auth) => t.http().delete(`/api/activities/${activity.id}/registrations/me`).set(auth).expect(200)));
      const after = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
      const nowConfirmed = after.filter((a) => a.status === 'CONFIRMED').map((a) => a.userId);
      expect(nowConfirmed).toHaveLength(10);
      expect(nowConfirmed.filter((u) => !confirmedUsers.includes(u)).sort()).toEqual(waitlist.slice(0, 3).map((w) => w.userId).sort());
      expect(after.filter((a) => a.status === 'WAITLISTED')).toHaveLength(187);
      expect(after.find((a) => a.userId === waitlist[3].userId)?.waitlistPosition).toBe(1);
    }, 120000);

    it('sends approval-mode sign-ups to review, and a promoted person back to review', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { capacity: 1, requiresApproval: true, formFields: [] }));
      const a = await person(920);
      const b = await person(921);
      const ra = await t.http().post(`/api/activities/${activity.id}/registrations`).set(a).send({ answers: {} }).expect(201);
      const rb = await t.http().post(`/api/activities/${activity.id}/registrations`).set(b).send({ answers: {} }).expect(201);
      expect([ra.body.status, rb.body.status]).toEqual(['PENDING', 'PENDING']);
      await t.http().post(`/api/activities/${activity.id}/registrations/${ra.body.id}/approve`).set(otherSecretary).expect(404);
      const approved = await t.http().post(`/api/activities/${activity.id}/registrations/${ra.body.id}/approve`).set(secretary).expect(200);
      expect(approved.body.status).toBe('CONFIRMED');
      const second = await t.http().post(`/api/activities/${activity.id}/registrations/${rb.body.id}/approve`).set(secretary).expect(200);
      expect(second.body.status).toBe('WAITLISTED');
      await t.http().post(`/api/activities/${activity.id}/registrations/${ra.body.id}/approve`).set(secretary).expect(409);
      await t.http().delete(`/api/activities/${activity.id}/registrations/me`).set(a).expect(200);
      const list = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
      expect(list.find((r) => r.id === rb.body.id)?.status).toBe('PENDING');
      const rejected = await t.http().post(`/api/activities/${activity.id}/registrations/${rb.body.id}/reject`).set(secretary).send({ reason: '名额已满' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: '名额已满' });
      const inbox = await t.http().get('/api/me/notifications').set(b).expect(200);
      expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['REGISTRATION_PENDING', 'REGISTRATION_APPROVED', 'REGISTRATION_PROMOTED', 'REGISTRATION_REJECTED']));
    });
  });

  describe('editing after sign-ups', () => {
    it('keeps capacity above confirmed seats, keeps answered fields, and promotes on more seats', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { capacity: 2 }));
      for (const n of [930, 931, 932]) {
        await t.http().post(`/api/activities/${activity.id}/registrations`).set(await person(n)).send({ answers: { company: `单位${n}` } }).expect(201);
      }
      expect((await t.http().patch(`/api/activities/${activity.id}`).set(secretary).send({ capacity: 1 }).expect(409)).body.code).toBe('CAPACITY_BELOW_CONFIRMED');
      const locked = await t.http().patch(`/api/activities/${activity.id}`).set(secretary).send({ formFields: [{ key: 'meal', label: '是否用餐', type: 'select', required: false, options: ['是', '否'] }] }).expect(409);
      expect(locked.body.code).toBe('FORM_FIELDS_LOCKED');
      await t.http()
        .patch(`/api/activities/${activity.id}`)
        .set(secretary)
        .send({ formFields: [...activityBody(ownOrg).formFields, { key: 'note', label: '备注', type: 'text', required: false }] })
        .expect(200);
      const grown = await t.http().patch(`/api/activities/${activity.id}`).set(secretary).send({ capacity: 3, location: '新会议室' }).expect(200);
      expect(grown.body).toMatchObject({ confirmedCount: 3, waitlistCount: 0, location: '新会议室' });
      const inbox = await t.http().get('/api/me/notifications').set(await person(932)).expect(200);
      expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['REGISTRATION_PROMOTED', 'ACTIVITY_CHANGED']));
    });
  });

  describe('running the activity', () => {
    it('checks people in with the rotating code, refuses old codes, marks leave and no-shows', async () => {
      const start = Date.now() + 30 * 60 * 1000;
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, {
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 2 * HOUR).toISOString(),
        signupEndAt: new Date(start - 10 * 60 * 1000).toISOString(),
      }));
      const a = await person(940);
      const b = await person(941);
      const c = await person(942);
      const regs: RegistrationResponse[] = [];
      for (const p of [a, b, c]) regs.push((await t.http().post(`/api/activities/${activity.id}/registrations`).set(p).send({ answers: { company: 'x' } }).expect(201)).body);
      await t.http().get(`/api/activities/${activity.id}/checkin-code`).set(member).expect(403);
      const code = (await t.http().get(`/api/activities/${activity.id}/checkin-code`).set(secretary).expect(200)).body as CheckinCodeResponse;
      expect(code.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(code.shortCode).toMatch(/^\d{6}$/);
      const ok = await t.http().post(`/api/activities/${activity.id}/checkin`).set(a).send({ code: code.token }).expect(200);
      expect(ok.body).toMatchObject({ attendance: 'CHECKED_IN' });
      await t.http().post(`/api/activities/${activity.id}/checkin`).set(member).send({ code: code.token }).expect(409);
      await t.http().post(`/api/activities/${activity.id}/checkin`).set(b).send({ code: '123' }).expect(422);
      t.app.get(Clock).travel(90 * 1000);
      const stale = await t.http().post(`/api/activities/${activity.id}/checkin`).set(b).send({ code: code.shortCode }).expect(422);
      expect(stale.body.code).toBe('CHECKIN_CODE_INVALID');
      const leave = await t.http().post(`/api/activities/${activity.id}/registrations/me/leave`).set(b).send({ reason: '出差' }).expect(200);
      expect(leave.body).toMatchObject({ attendance: 'LEAVE', leaveReason: '出差' });
      await t.http().post(`/api/activities/${activity.id}/registrations/${regs[2].id}/attendance`).set(secretary).send({ attendance: 'NO_SHOW' }).expect(409);
      t.app.get(Clock).travel(HOUR);
      const noShow = await t.http().post(`/api/activities/${activity.id}/registrations/${regs[2].id}/attendance`).set(secretary).send({ attendance: 'NO_SHOW' }).expect(200);
      expect(noShow.body.attendance).toBe('NO_SHOW');
    });

    it('reminds confirmed people an hour before, once, even when two runs race', async () => {
      const start = Date.now() + 3 * HOUR;
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, {
        title: '主题党日',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + HOUR).toISOString(),
        signupEndAt: new Date(start - HOUR).toISOString(),
      }));
      const p = await person(950);
      await t.http().post(`/api/activities/${activity.id}/registrations`).set(p).send({ answers: { company: 'x' } }).expect(201);
      const service = t.app.get(ActivityService);
      const starting = async () =>
        ((await t.http().get('/api/me/notifications').set(p).expect(200)).body.items as Array<{ kind: string }>).filter((n) => n.kind === 'ACTIVITY_STARTING');
      await service.sendStartReminders();
      expect(await starting()).toHaveLength(0);
      t.app.get(Clock).travel(2.5 * HOUR);
      await Promise.all([service.sendStartReminders(), service.sendStartReminders()]);
      await service.sendStartReminders();
      expect(await starting()).toHaveLength(1);
      const inbox = await t.http().get('/api/me/notifications').set(p).expect(200);
      expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'ACTIVITY_STARTING')).toHaveLength(1);
    });

    it('keeps phone answers encrypted at rest and masked everywhere but the export', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { formFields: [{ key: 'mobile', label: '联系电话', type: 'phone', required: true }] }));
      const p = await person(960);
      const res = await t.http().post(`/api/activities/${activity.id}/registrations`).set(p).send({ answers: { mobile: '13912340000' } }).expect(201);
      expect(res.body.answers.mobile).toBe('139****0000');
      const raw: Array<{ answers: string }> = await t.dataSource.query(`SELECT answers FROM registrations WHERE id = ${Number(res.body.id)}`);
      expect(raw[0].answers).not.toContain('13912340000');
      const list = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
      expect(list[0].answers.mobile).toBe('139****0000');
      const exported = await t.app.get(ActivityService).exportXlsx({ id: 0, name: '', orgId: null, enterpriseId: null, grants: [], isAdmin: true }, Number(activity.id));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      expect((workbook.getWorksheet('报名名单')!.getRow(2).values as unknown[]).slice(1)).toContain('13912340000');
    });

    it('exports the list as xlsx with answers and full phones, and audits it', async () => {
      const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { title: '培训讲座' }));
      await t.http().post(`/api/activities/${activity.id}/registrations`).set(member).send({ answers: { company: '明阳风电', meal: '否' } }).expect(201);
      const list = (await t.http().get(`/api/activities/${activity.id}/registrations`).set(secretary).expect(200)).body as AttendeeResponse[];
      expect(list[0]).toMatchObject({ name: world.member.name, phone: `${world.member.phone.slice(0, 3)}****${world.member.phone.slice(-4)}` });
      const res = await t.http().get(`/api/activities/${activity.id}/export`).set(secretary).buffer(true).parse((response, cb) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.getWorksheet('报名名单')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(expect.arrayContaining(['姓名', '手机号', '单位名称', '是否用餐']));
      const row = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(row).toEqual(expect.arrayContaining([world.member.name, world.member.phone, '明阳风电', '否']));
      await t.http().get(`/api/activities/${activity.id}/export`).set(member).expect(403);
      const audit = await t.http().get(`/api/admin/audit-logs?entityType=activity&entityId=${activity.id}`).set(admin).expect(200);
      expect(audit.body.items.map((i: { action: string }) => i.action)).toContain('activity.export');
    });
  });
});
