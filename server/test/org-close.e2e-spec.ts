import type { ActivityResponse, AuditLogResponse, ComplianceResponse, OrgResponse, OrgTreeNode, Page } from '@torch-red/shared';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { createPerson, createWorld, type Auth, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

function flatten(nodes: OrgTreeNode[], into: string[] = []): string[] {
  for (const node of nodes) {
    into.push(node.id);
    flatten(node.children, into);
  }
  return into;
}

/**
 * Closing (撤销) an organisation from 组织架构: refused, naming what is left, while anything live hangs on it;
 * once closed it leaves the tree and takes nothing new, while its history stays readable; an admin may reopen it.
 */
describe.each(DATABASES)('closing and reopening an organisation on %s', (db) => {
  let t: TestApp;
  let w: World;
  let admin: Auth;

  const treeIds = async (auth: Auth = admin) => flatten((await t.http().get('/api/orgs/tree').set(auth).expect(200)).body as OrgTreeNode[]);
  const treeVersion = async () => Number((await t.dataSource.query(`SELECT version FROM data_versions WHERE name = 'org-tree'`))[0].version);
  const newOrg = async (name: string, type = 'BRANCH', parentId = w.committeeOrg.id) =>
    (await t.http().post('/api/admin/orgs').set(admin).send({ name: `${w.tag}${name}`, type, parentId, enterpriseId: w.enterprise.id }).expect(201)).body as OrgResponse;
  const close = (id: string, status = 200) => t.http().post(`/api/admin/orgs/${id}/close`).set(admin).expect(status);
  const reopen = (id: string, status = 200) => t.http().post(`/api/admin/orgs/${id}/reopen`).set(admin).expect(status);

  beforeAll(async () => {
    t = await startTestApp(db);
    w = await createWorld(t);
    admin = w.admin;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is for admins only: members and secretaries get 403, unknown orgs 404', async () => {
    const empty = await newOrg('权限测试支部');
    for (const auth of [w.member.auth, w.secretary.auth, w.committee.auth]) {
      await t.http().post(`/api/admin/orgs/${empty.id}/close`).set(auth).expect(403);
      await t.http().post(`/api/admin/orgs/${empty.id}/reopen`).set(auth).expect(403);
    }
    await t.http().post(`/api/admin/orgs/${empty.id}/close`).expect(401);
    await close('999999', 404);
    await close('not-an-id', 404);
    await reopen('999999', 404);
    expect(await treeIds()).toContain(empty.id);
  });

  it('refuses while members, office holders, open sub-orgs, a led chain or unfinished activities remain, and says which', async () => {
    const before = await treeVersion();
    const branch = await close(w.branch.id, 409);
    expect(branch.body.code).toBe('ORG_NOT_EMPTY');
    expect(branch.body.message).toContain(`“${w.branch.name}”还有`);
    expect(branch.body.message).toContain('名成员');
    expect(branch.body.message).toContain(w.member.name);
    expect(branch.body.message).toContain('书记或委员的职务授权');
    expect(branch.body.message).toContain(w.secretary.name);
    expect(branch.body.details).toMatchObject({ members: { count: expect.any(Number) }, officeHolders: { count: 1, names: [w.secretary.name] } });

    const committee = await close(w.committeeOrg.id, 409);
    expect(committee.body.message).toContain('未关闭的下级组织');
    expect(committee.body.message).toContain('由它牵头的产业链');
    expect(committee.body.message).toContain(w.chain.name);

    const top = (await t.http().get('/api/admin/orgs?type=WORKING_COMMITTEE').set(admin).expect(200)).body as Page<OrgResponse>;
    expect((await close(top.items[0].id, 422)).body.code).toBe('ORG_HIERARCHY_INVALID');
    // Refusals change nothing: no cached tree is re-read.
    expect(await treeVersion()).toBe(before);

    // An empty branch with one published activity still to come: refused, naming it; cancelled, it may close.
    const empty = await newOrg('活动支部');
    const activity = await publishedActivity(t, admin, activityBody(empty.id, { title: `${w.tag}未结束的活动` }));
    const refused = await close(empty.id, 409);
    expect(refused.body.message).toContain('1 个未结束的活动');
    expect(refused.body.message).toContain(`${w.tag}未结束的活动`);
    await t.http().post(`/api/activities/${activity.id}/cancel`).set(admin).expect(200);
    const closed = (await close(empty.id)).body as OrgResponse;
    expect(closed.closedAt).toEqual(expect.any(String));
    // History stays readable: the cancelled activity still names its org.
    const history = (await t.http().get(`/api/activities/${activity.id}`).set(admin).expect(200)).body as ActivityResponse;
    expect(history).toMatchObject({ orgId: empty.id, orgName: empty.name });
  });

  it('a closed org leaves the tree and every picker, takes nothing new, is listed under CLOSED, audited; reopening brings it back', async () => {
    const org = await newOrg('待撤销支部');
    const person = await createPerson(t, admin, w.tag, 'closing-person', { name: `${w.tag}调出党员` });
    expect(await treeIds(w.member.auth)).toContain(org.id);

    const before = await treeVersion();
    const closed = (await close(org.id)).body as OrgResponse;
    expect(await treeVersion()).toBe(before + 1);
    expect(await treeIds(w.member.auth)).not.toContain(org.id);
    expect(await treeIds()).not.toContain(org.id);
    // Closing again is a no-op.
    expect(((await close(org.id)).body as OrgResponse).closedAt).toBe(closed.closedAt);
    expect(await treeVersion()).toBe(before + 1);

    const closedList = (await t.http().get(`/api/admin/orgs?status=CLOSED&q=${encodeURIComponent(w.tag)}&limit=100`).set(admin).expect(200)).body as Page<OrgResponse>;
    expect(closedList.items.map((o) => o.id)).toContain(org.id);
    expect(closedList.items.every((o) => o.closedAt !== null)).toBe(true);
    const openList = (await t.http().get(`/api/admin/orgs?status=OPEN&q=${encodeURIComponent(w.tag)}&limit=100`).set(admin).expect(200)).body as Page<OrgResponse>;
    expect(openList.items.map((o) => o.id)).not.toContain(org.id);
    expect(openList.items.map((o) => o.id)).toContain(w.branch.id);
    await t.http().get('/api/admin/orgs?status=GONE').set(admin).expect(400);
    expect(((await t.http().get(`/api/admin/orgs/${org.id}`).set(admin).expect(200)).body as OrgResponse).closedAt).toBe(closed.closedAt);

    // Nothing new: no grant (the access policy never scopes one to it), no member, no activity, no child, no edit.
    const grant = await t.http().post(`/api/admin/users/${person.id}/roles`).set(admin).send({ role: 'SECRETARY', orgId: org.id }).expect(409);
    expect(grant.body.code).toBe('ORG_CLOSED');
    expect((await t.http().put(`/api/admin/users/${person.id}/membership`).set(admin).send({ orgId: org.id }).expect(409)).body.code).toBe('ORG_CLOSED');
    expect((await t.http().post('/api/activities').set(admin).send(activityBody(org.id)).expect(409)).body.code).toBe('ORG_CLOSED');
    expect((await t.http().patch(`/api/admin/orgs/${org.id}`).set(admin).send({ name: '改名' }).expect(409)).body.code).toBe('ORG_CLOSED');
    expect((await t.http().patch(`/api/admin/orgs/${w.sisterBranch.id}`).set(admin).send({ parentId: org.id }).expect(409)).body.code).toBe('ORG_CLOSED');

    const audit = (await t.http().get(`/api/admin/audit-logs?entityType=org&entityId=${org.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
    expect(audit.items.map((a) => a.action)).toEqual(['org.close', 'org.create']);
    expect(audit.items[0]).toMatchObject({ before: { closedAt: null }, after: { closedAt: closed.closedAt } });

    const reopened = (await reopen(org.id)).body as OrgResponse;
    expect(reopened.closedAt).toBeNull();
    expect(await treeVersion()).toBe(before + 2);
    expect(await treeIds(w.member.auth)).toContain(org.id);
    await t.http().put(`/api/admin/users/${person.id}/membership`).set(admin).send({ orgId: org.id }).expect(200);
    const after = (await t.http().get(`/api/admin/audit-logs?entityType=org&entityId=${org.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
    expect(after.items[0]).toMatchObject({ action: 'org.reopen', after: { closedAt: null } });
  });

  it('closes bottom-up and reopens top-down; a closed branch is no longer judged on 组织生活', async () => {
    const party = await newOrg('待撤销党委', 'PARTY_COMMITTEE');
    const child = await newOrg('待撤销党委支部', 'BRANCH', party.id);
    const refused = await close(party.id, 409);
    expect(refused.body.message).toContain(`1 个未关闭的下级组织（${child.name}）`);

    const judged = async () => {
      const body = (await t.http().get(`/api/committee/meeting-compliance?period=2026&chainId=${w.chain.id}&limit=100`).set(admin).expect(200)).body as ComplianceResponse;
      return new Set(body.rows.items.map((r) => r.orgId));
    };
    expect((await judged()).has(child.id)).toBe(true);
    await close(child.id);
    expect((await judged()).has(child.id)).toBe(false);
    await close(party.id);
    // A child may not be created under, nor reopened below, a closed parent.
    expect((await t.http().post('/api/admin/orgs').set(admin).send({ name: `${w.tag}新支部`, type: 'BRANCH', parentId: party.id, enterpriseId: w.enterprise.id }).expect(409)).body.code).toBe('ORG_CLOSED');
    const orphan = await reopen(child.id, 409);
    expect(orphan.body).toMatchObject({ code: 'ORG_CLOSED', message: `上级组织“${party.name}”已关闭，请先恢复上级组织` });
    await reopen(party.id);
    await reopen(child.id);
    const ids = await treeIds();
    expect(ids).toEqual(expect.arrayContaining([party.id, child.id]));
  });
});
