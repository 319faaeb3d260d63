import type { AuditLogResponse, Page, RoleGrantResponse } from '@torch-red/shared';
import { createWorld, type Auth, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

/** The China-time calendar day of an instant, as the audit filters take it (YYYY-MM-DD). */
const chinaDay = (time: number): string => new Date(time + 8 * 3600 * 1000).toISOString().slice(0, 10);
const DAY_MS = 24 * 3600 * 1000;

describe.each(DATABASES)('审计日志 filters and entries on %s', (db) => {
  let t: TestApp;
  let w: World;
  /** A second admin (a person with the ADMIN role), so "by person" has someone to tell apart from the admin account. */
  let deputy: Auth;
  let deputyId: string;
  let grant: RoleGrantResponse;

  beforeAll(async () => {
    t = await startTestApp(db);
    w = await createWorld(t);
    deputyId = w.committee.id;
    await t.http().post(`/api/admin/users/${deputyId}/roles`).set(w.admin).send({ role: 'ADMIN' }).expect(201);
    deputy = w.committee.auth;
    // The deputy grants and revokes a secretary role, and renames a department: three entries of theirs.
    grant = (await t.http().post(`/api/admin/users/${w.member.id}/roles`).set(deputy).send({ role: 'SECRETARY', orgId: w.sisterBranch.id }).expect(201)).body as RoleGrantResponse;
    await t.http().delete(`/api/admin/users/${w.member.id}/roles/${grant.id}`).set(deputy).expect(204);
    await t.http().patch(`/api/admin/departments/${w.department.id}`).set(deputy).send({ name: `${w.tag}发展改革局` }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: string, auth: Auth = w.admin): Promise<Page<AuditLogResponse>> =>
    (await t.http().get(`/api/admin/audit-logs?${query}`).set(auth).expect(200)).body as Page<AuditLogResponse>;

  it('filters by person: only what the deputy did, newest first, named', async () => {
    const page = await list(`actorId=${deputyId}`);
    expect(page.items.map((e) => e.action)).toEqual(['department.update', 'role.revoke', 'role.grant']);
    expect(page.items.every((e) => e.actorName === w.committee.name)).toBe(true);
  });

  it('filters by one action, or by every action of a kind (a trailing dot)', async () => {
    const granted = await list(`action=role.grant&entityType=user&entityId=${w.member.id}`);
    expect(granted.items).toHaveLength(1);
    expect(granted.items[0]).toMatchObject({ actorId: deputyId, after: { role: 'SECRETARY', orgId: w.sisterBranch.id } });

    const roles = await list(`action=role.&actorId=${deputyId}`);
    expect(roles.items.map((e) => e.action)).toEqual(['role.revoke', 'role.grant']);
    // `role.` is a kind, not a prefix of any word: `roster.*` entries never match it.
    const kinds = await list('action=role.&limit=100');
    expect(kinds.items.every((e) => e.action.startsWith('role.'))).toBe(true);
  });

  it('filters by China-time days, both ends inclusive', async () => {
    const today = chinaDay(Date.now());
    const yesterday = chinaDay(Date.now() - DAY_MS);
    const tomorrow = chinaDay(Date.now() + DAY_MS);
    expect((await list(`actorId=${deputyId}&from=${today}&to=${today}`)).items).toHaveLength(3);
    expect((await list(`actorId=${deputyId}&to=${yesterday}`)).items).toHaveLength(0);
    expect((await list(`actorId=${deputyId}&from=${tomorrow}`)).items).toHaveLength(0);
    expect((await list(`actorId=${deputyId}&from=${yesterday}`)).items).toHaveLength(3);
  });

  it('pages with the cursor through a filtered list', async () => {
    const first = await list(`actorId=${deputyId}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`actorId=${deputyId}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.action)).toEqual(['role.grant']);
    expect(second.nextCursor).toBeNull();
  });

  it('opens one entry with its before and after', async () => {
    const [revoked] = (await list(`action=role.revoke&entityId=${w.member.id}`)).items;
    const entry = (await t.http().get(`/api/admin/audit-logs/${revoked.id}`).set(w.admin).expect(200)).body as AuditLogResponse;
    expect(entry).toEqual(revoked);
    expect(entry.before).toMatchObject({ id: grant.id, role: 'SECRETARY', orgId: w.sisterBranch.id });
    expect(entry.after).toBeNull();
    const missing = await t.http().get('/api/admin/audit-logs/987654321').set(w.admin).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('refuses bad filters with a clear 400', async () => {
    const reversed = await t.http().get('/api/admin/audit-logs?from=2026-12-31&to=2026-12-01').set(w.admin).expect(400);
    expect(reversed.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '开始日期不能晚于结束日期' });
    const notADay = await t.http().get('/api/admin/audit-logs?from=2026-02-30').set(w.admin).expect(400);
    expect(notADay.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '日期不存在：2026-02-30' });
    await t.http().get('/api/admin/audit-logs?from=2026-12-1').set(w.admin).expect(400);
    await t.http().get('/api/admin/audit-logs?action=ROLE%20GRANT').set(w.admin).expect(400);
    // An id that is not a number names nothing: 404, as every route's ids.
    await t.http().get('/api/admin/audit-logs/abc').set(w.admin).expect(404);
  });

  it('is for admins only: anyone else is refused, list and entry alike', async () => {
    const [entry] = (await list(`actorId=${deputyId}&limit=1`)).items;
    await t.http().get('/api/admin/audit-logs').set(w.secretary.auth).expect(403);
    await t.http().get(`/api/admin/audit-logs/${entry.id}`).set(w.secretary.auth).expect(403);
    await t.http().get(`/api/admin/audit-logs/${entry.id}`).expect(401);
  });
});
