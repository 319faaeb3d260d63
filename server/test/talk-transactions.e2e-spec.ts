import type { DepartmentResponse, TalkSummary } from '@torch-red/shared';
import { Repository, type ObjectLiteral } from 'typeorm';
import { ActivityEntity } from '../src/modules/activity/activity.entity';
import { RegistrationEntity } from '../src/modules/activity/registration.entity';
import { AuditService, type AuditEntry } from '../src/modules/audit/audit.service';
import { AppealEntity } from '../src/modules/talk/appeal.entity';
import { adminLogin, devLogin } from './factories/auth.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;

/**
 * Each 月月谈 use case writes an activity (or a registration) and the talk's own rows; a failure in
 * the second half must roll the first half back, on both databases.
 */
describe.each(DATABASES)('企业家月月谈 use cases are one transaction on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let departmentId: string;

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
    departmentId = ((await t.http().get('/api/departments').set(admin).expect(200)).body as DepartmentResponse[])[0].id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await t?.close();
  });

  const talkBody = (theme: string) => {
    const start = Date.now() + 72 * HOUR;
    return {
      theme,
      description: '事务测试',
      location: '党群服务中心',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * HOUR).toISOString(),
      signupEndAt: new Date(start - 24 * HOUR).toISOString(),
      capacity: 5,
      hostDepartmentIds: [departmentId],
    };
  };

  /** Makes the audit entry of one action fail, as a lost connection or a full disk would. */
  const failAudit = (action: string) => {
    const audit = t.app.get(AuditService);
    const record = audit.record.bind(audit);
    jest.spyOn(audit, 'record').mockImplementation((entry: AuditEntry, manager) => {
      if (entry.action === action) return Promise.reject(new Error(`audit of ${action} failed`));
      return record(entry, manager);
    });
  };

  const activitiesTitled = (title: string) => t.dataSource.getRepository(ActivityEntity).countBy({ title });

  it('create: a session that cannot be saved leaves no activity behind', async () => {
    failAudit('talk.create');
    await t.http().post('/api/admin/talks').set(admin).send(talkBody('回滚的一期')).expect(500);
    expect(await activitiesTitled('企业家月月谈 · 回滚的一期')).toBe(0);

    jest.restoreAllMocks();
    await t.http().post('/api/admin/talks').set(admin).send(talkBody('回滚的一期')).expect(201);
    expect(await activitiesTitled('企业家月月谈 · 回滚的一期')).toBe(1);
  });

  it('update: a session that cannot be saved leaves the activity as it was', async () => {
    const talk = (await t.http().post('/api/admin/talks').set(admin).send(talkBody('原主题')).expect(201)).body as TalkSummary;
    failAudit('talk.update');
    await t.http().patch(`/api/admin/talks/${talk.id}`).set(admin).send({ theme: '新主题', location: '新地点' }).expect(500);
    const after = (await t.http().get(`/api/activities/${talk.activity.id}`).set(admin).expect(200)).body as { title: string; location: string };
    expect(after).toMatchObject({ title: '企业家月月谈 · 原主题', location: '党群服务中心' });
  });

  it('register: an appeal that cannot be stored leaves no registration, and trying again works', async () => {
    const created = (await t.http().post('/api/admin/talks').set(admin).send(talkBody('报名回滚')).expect(201)).body as TalkSummary;
    const talk = (await t.http().post(`/api/admin/talks/${created.id}/publish`).set(admin).expect(200)).body as TalkSummary;
    const person = (await devLogin(t, 'talk-tx-entrepreneur', '赵总')).auth;
    const body = { enterpriseName: '回滚测试公司', position: '总经理', phone: '13600000009', category: 'TALENT', appeal: '希望对接高校人才' };

    const save = Repository.prototype.save;
    jest.spyOn(Repository.prototype, 'save').mockImplementation(function (this: Repository<ObjectLiteral>, ...args: unknown[]) {
      if (this.target === AppealEntity) return Promise.reject(new Error('appeal store failed'));
      return (save as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    } as typeof save);
    await t.http().post(`/api/talks/${talk.id}/registrations`).set(person).send(body).expect(500);
    expect(await t.dataSource.getRepository(RegistrationEntity).countBy({ activityId: Number(talk.activity.id) })).toBe(0);
    const detail = await t.http().get(`/api/activities/${talk.activity.id}`).set(person).expect(200);
    expect(detail.body.myRegistration).toBeNull();

    jest.restoreAllMocks();
    const ok = await t.http().post(`/api/talks/${talk.id}/registrations`).set(person).send(body).expect(200);
    expect(ok.body.registration.status).toBe('PENDING');
    expect(ok.body.appeal).toMatchObject({ enterpriseName: '回滚测试公司', content: '希望对接高校人才' });
  });
});
