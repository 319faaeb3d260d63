import type { ActivityResponse, Page } from '@torch-red/shared';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { createPerson, createWorld, type Auth, type World, type WorldPerson } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

/**
 * The hot reads (activity list, detail, my registrations) confirm the caller's principal inside their own query
 * (PrincipalProof) instead of reading the person first. Whatever changes about the person between two requests
 * must count on the very next one, exactly as with a full read: session revoked, account disabled, a role
 * granted or taken away, moved to another organisation, the org tree changed — including when the read returns
 * no row to carry the confirmation. And a confirmed read is one round trip.
 */
describe.each(DATABASES)('principal confirmed by the read itself on %s', (db) => {
  let t: TestApp;
  let world: World;
  let admin: Auth;
  let otherOrgActivity: ActivityResponse; // 本组织 (ORG) activity of world.otherBranch
  let ownOrgActivity: ActivityResponse; // 本组织 activity of world.branch

  const ids = (page: Page<ActivityResponse>) => page.items.map((a) => a.id);
  const list = async (auth: Auth, expected = 200) => (await t.http().get('/api/activities?limit=100').set(auth).expect(expected)).body as Page<ActivityResponse>;
  /**
   * Statements the database ran while `run` goes. SQLite: every execution of a better-sqlite3 statement (what
   * TypeORM and the hot reads both end in). MySQL: every query runner's statements plus the pool's own
   * (`query`/`execute`, the hot reads' path).
   */
  const statements = async (run: () => Promise<unknown>): Promise<number> => {
    let n = 0;
    const restore: Array<() => void> = [];
    const patch = <O extends object>(target: O, method: keyof O & string) => {
      const original = target[method] as unknown as (...a: unknown[]) => unknown;
      (target as Record<string, unknown>)[method] = function (this: unknown, ...a: unknown[]) {
        n += 1;
        return original.apply(this, a);
      };
      restore.push(() => ((target as Record<string, unknown>)[method] = original));
    };
    const ds = t.dataSource;
    const driver = ds.driver as unknown as { pool?: Record<'execute' | 'query', unknown>; databaseConnection?: { prepare(sql: string): object } };
    if (driver.pool) {
      patch(driver.pool, 'execute');
      patch(driver.pool, 'query');
      const createRunner = ds.createQueryRunner.bind(ds);
      const runners = jest.spyOn(ds, 'createQueryRunner').mockImplementation((...a) => {
        const r = createRunner(...a);
        patch(r, 'query');
        return r;
      });
      restore.push(() => runners.mockRestore());
    } else {
      const statement = Object.getPrototypeOf(driver.databaseConnection!.prepare('SELECT 1')) as Record<string, unknown>;
      for (const method of ['all', 'get', 'run', 'iterate']) patch(statement, method);
    }
    try {
      await run();
    } finally {
      for (const r of restore.reverse()) r();
    }
    return n;
  };

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
    admin = world.admin;
    otherOrgActivity = await publishedActivity(t, world.otherSecretary.auth, activityBody(world.otherBranch.id, { title: '他支部本组织活动', visibility: 'ORG' }));
    ownOrgActivity = await publishedActivity(t, world.secretary.auth, activityBody(world.branch.id, { title: '本支部本组织活动', visibility: 'ORG' }));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function freshMember(key: string): Promise<WorldPerson> {
    return createPerson(t, admin, world.tag, key, { name: `${world.tag}${key}`, orgId: world.branch.id, enterpriseId: world.enterprise.id, politicalStatus: 'FULL_MEMBER' });
  }

  it('a confirmed read is one round trip; the first one, before the process knows the person, two', async () => {
    const p = await freshMember('rt');
    const first = await statements(() => t.http().get('/api/me/registrations').set(p.auth).expect(200));
    const detail = await statements(() => t.http().get(`/api/activities/${ownOrgActivity.id}`).set(p.auth).expect(200));
    const again = await statements(() => list(p.auth));
    expect({ first, detail, again }).toEqual({ first: 2, detail: 1, again: 1 });
  });

  it('a revoked session is refused on the next list, detail and (empty) my-registrations read', async () => {
    const p = await freshMember('revoked');
    expect(ids(await list(p.auth))).toContain(ownOrgActivity.id);
    await t.http().get('/api/me/registrations').set(p.auth).expect(200); // empty: nothing carries the stamp
    await t.http().post(`/api/admin/users/${p.id}/sessions/revoke`).set(admin).expect((r) => expect([200, 201, 204]).toContain(r.status));
    for (const path of ['/api/activities', `/api/activities/${ownOrgActivity.id}`, '/api/me/registrations']) {
      const res = await t.http().get(path).set(p.auth).expect(401);
      expect(res.body.code).toBe('SESSION_REVOKED');
    }
  });

  it('a disabled account is refused on the next read, even one that returns no row', async () => {
    const p = await freshMember('disabled');
    await t.http().get('/api/me/registrations').set(p.auth).expect(200);
    await t.http().get(`/api/activities/999999`).set(p.auth).expect(404);
    await t.http().put(`/api/admin/users/${p.id}/status`).set(admin).send({ disabled: true }).expect(200);
    expect((await t.http().get('/api/me/registrations').set(p.auth).expect(403)).body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.http().get('/api/activities/999999').set(p.auth).expect(403)).body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.http().get('/api/activities').set(p.auth).expect(403)).body.code).toBe('ACCOUNT_DISABLED');
  });

  it('a role granted counts on the next list; taken away, it is gone on the next one', async () => {
    const p = await freshMember('granted');
    expect(ids(await list(p.auth))).not.toContain(otherOrgActivity.id);
    await t.http().get(`/api/activities/${otherOrgActivity.id}`).set(p.auth).expect(404);
    const grant = await t.http().post(`/api/admin/users/${p.id}/roles`).set(admin).send({ role: 'SECRETARY', orgId: world.otherBranch.id }).expect(201);
    expect(ids(await list(p.auth))).toContain(otherOrgActivity.id);
    const detail = await t.http().get(`/api/activities/${otherOrgActivity.id}`).set(p.auth).expect(200);
    expect(detail.body.canManage).toBe(true);
    await t.http().delete(`/api/admin/users/${p.id}/roles/${grant.body.id}`).set(admin).expect((r) => expect([200, 204]).toContain(r.status));
    expect(ids(await list(p.auth))).not.toContain(otherOrgActivity.id);
    await t.http().get(`/api/activities/${otherOrgActivity.id}`).set(p.auth).expect(404);
  });

  it('moved to another organisation: the next reads see the new one’s 本组织 activities, not the old one’s', async () => {
    const p = await freshMember('moved');
    expect(ids(await list(p.auth))).toContain(ownOrgActivity.id);
    await t.http().get(`/api/activities/${ownOrgActivity.id}`).set(p.auth).expect(200);
    await t.http().put(`/api/admin/users/${p.id}/membership`).set(admin).send({ orgId: world.otherBranch.id, enterpriseId: null }).expect(200);
    const after = ids(await list(p.auth));
    expect(after).toContain(otherOrgActivity.id);
    expect(after).not.toContain(ownOrgActivity.id);
    await t.http().get(`/api/activities/${ownOrgActivity.id}`).set(p.auth).expect(404);
  });

  it('a person renamed or the org tree changed: the read runs again with the fresh principal', async () => {
    const p = await freshMember('tree');
    await list(p.auth);
    // A new branch moves the org tree's counter (part of the stamp).
    await t.http().post('/api/admin/orgs').set(admin).send({ name: `${world.tag}新支部`, type: 'BRANCH', parentId: world.committeeOrg.id, enterpriseId: world.enterprise.id }).expect(201);
    const confirmedAgain = await statements(() => list(p.auth));
    expect(confirmedAgain).toBeGreaterThanOrEqual(2); // the read, the full read of the person, the read again (+ the tree)
    expect(await statements(() => list(p.auth))).toBe(1);
  });
});
