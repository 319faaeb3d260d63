import type { ChainResponse, OrgResponse, OrgTreeNode, Page, RoleGrantResponse, UserResponse } from '@torch-red/shared';
import { adminLogin, devLogin } from './factories/auth.factory';
import { createWorld, type World, type WorldOrg } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };

function findNode(nodes: OrgTreeNode[], name: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.name === name) return node;
    const hit = findNode(node.children, name);
    if (hit) return hit;
  }
  return undefined;
}

describe.each(DATABASES)('organisation model on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let member: Auth;
  let tree: OrgTreeNode[];
  let chains: ChainResponse[];

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
    member = (await devLogin(t, 'org-reader', '读者')).auth;
    tree = (await t.http().get('/api/orgs/tree').set(member).expect(200)).body;
    chains = (await t.http().get('/api/chains').set(member).expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  const orgId = (name: string): string => {
    const node = findNode(tree, name);
    if (!node) throw new Error(`no org ${name}`);
    return node.id;
  };
  const chain = (name: string): ChainResponse => chains.find((c) => c.name === name)!;

  // The public reads check the demo seed's 1+1+X+N model itself (one working committee, five industry committees
  // and chains, 5 leader / 18 core / 42 member enterprises, 14 departments): that is what they are about, so they
  // read the seed's names. They run first, on the tree read before any test adds to it. Everything after works on
  // a world of its own (createWorld).
  describe('public reads', () => {
    it('returns the 1+1+X+N tree', () => {
      expect(tree).toHaveLength(1);
      expect(tree[0]).toMatchObject({ name: '大庆高新区党工委', type: 'WORKING_COMMITTEE' });
      expect(tree[0].children).toHaveLength(5);
      expect(tree[0].children.every((c) => c.type === 'INDUSTRY_COMMITTEE')).toBe(true);
      const mingyang = findNode(tree, '明阳风电党委');
      expect(mingyang?.type).toBe('PARTY_COMMITTEE');
      expect(mingyang?.children.map((c) => c.type)).toEqual(['BRANCH', 'BRANCH']);
    });

    it('returns the chains with leader, core and member enterprises', () => {
      expect(chains).toHaveLength(5);
      const wind = chain('风电装备产业链');
      expect(wind).toMatchObject({ industry: '新兴', committeeOrgId: orgId('新能源产业党委') });
      expect(wind.enterprises[0]).toMatchObject({ name: '明阳风电', chainRole: 'LEADER' });
      const roles = chains.flatMap((c) => c.enterprises.map((e) => e.chainRole));
      expect(roles.filter((r) => r === 'LEADER')).toHaveLength(5);
      expect(roles.filter((r) => r === 'CORE')).toHaveLength(18);
      expect(roles.filter((r) => r === 'MEMBER')).toHaveLength(42);
      expect(chain('智能制造产业链').enterprises[0].name).toBe('思特科技');
    });

    it('requires a signed-in person', async () => {
      await t.http().get('/api/orgs/tree').expect(401);
      await t.http().get('/api/chains').expect(401);
    });

    it('lists the 14 departments', async () => {
      const res = await t.http().get('/api/departments').set(member).expect(200);
      expect(res.body).toHaveLength(14);
    });
  });

  let world: World;
  /** A Party committee (党委) inside the world's enterprise, with one branch below it. */
  let partyOrg: WorldOrg;
  let partyBranch: WorldOrg;

  /** Made once, after the public reads (each describe below asks for it, so that either can run alone). */
  const ensureWorld = async () => {
    if (world) return;
    world = await createWorld(t);
    const org = async (name: string, type: string, parentId: string): Promise<WorldOrg> =>
      (await t.http().post('/api/admin/orgs').set(admin).send({ name: `${world.tag}${name}`, type, parentId, enterpriseId: world.enterprise.id }).expect(201)).body as OrgResponse;
    partyOrg = await org('企业党委', 'PARTY_COMMITTEE', world.committeeOrg.id);
    partyBranch = await org('企业党委第一党支部', 'BRANCH', partyOrg.id);
  };

  describe('admin CRUD with validation', () => {
    beforeAll(ensureWorld);

    it('keeps the admin API for admins only', async () => {
      await t.http().get('/api/admin/orgs').set(member).expect(403);
      await t.http().get('/api/admin/users').expect(401);
      await t.http().get('/api/admin/orgs').set(admin).expect(200);
    });

    it('creates a branch under an enterprise of the same chain and records it in the audit log', async () => {
      const enterprise = world.enterprise;
      const name = `${world.tag}第三党支部`;
      const res = await t.http()
        .post('/api/admin/orgs')
        .set(admin)
        .send({ name, type: 'BRANCH', parentId: world.committeeOrg.id, enterpriseId: enterprise.id })
        .expect(201);
      const org = res.body as OrgResponse;
      expect(org).toMatchObject({ name, type: 'BRANCH', enterpriseId: enterprise.id });
      const audit = await t.http().get(`/api/admin/audit-logs?entityType=org&entityId=${org.id}`).set(admin).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'org.create', entityId: org.id, after: { name }, actorName: '系统管理员' });
    });

    it('refuses a branch hung under another chain', async () => {
      const chemical = world.otherEnterprise;
      const underCommittee = await t.http()
        .post('/api/admin/orgs')
        .set(admin)
        .send({ name: '错链支部', type: 'BRANCH', parentId: world.committeeOrg.id, enterpriseId: chemical.id })
        .expect(422);
      expect(underCommittee.body.code).toBe('CHAIN_MISMATCH');
      const underOtherEnterprise = await t.http()
        .post('/api/admin/orgs')
        .set(admin)
        .send({ name: '错链支部', type: 'BRANCH', parentId: partyOrg.id, enterpriseId: chemical.id })
        .expect(422);
      expect(underOtherEnterprise.body.code).toBe('CHAIN_MISMATCH');
    });

    it('refuses wrong nesting and cycles', async () => {
      const upside = await t.http()
        .post('/api/admin/orgs')
        .set(admin)
        .send({ name: '倒挂党委', type: 'PARTY_COMMITTEE', parentId: partyBranch.id })
        .expect(422);
      expect(upside.body.code).toBe('ORG_HIERARCHY_INVALID');
      expect(upside.body.message).toBe('党委不能挂在党支部之下');
      const cycle = await t.http().patch(`/api/admin/orgs/${partyOrg.id}`).set(admin).send({ parentId: partyBranch.id }).expect(422);
      expect(['ORG_CYCLE', 'ORG_HIERARCHY_INVALID']).toContain(cycle.body.code);
      const self = await t.http().patch(`/api/admin/orgs/${partyOrg.id}`).set(admin).send({ parentId: partyOrg.id }).expect(422);
      expect(self.body.code).toBe('ORG_CYCLE');
      const second = await t.http().post('/api/admin/orgs').set(admin).send({ name: '另一个工委', type: 'WORKING_COMMITTEE' }).expect(422);
      expect(second.body.code).toBe('ORG_HIERARCHY_INVALID');
    });

    it('refuses empty, huge and malformed input with field details', async () => {
      const empty = await t.http().post('/api/admin/orgs').set(admin).send({ name: '   ', type: 'BRANCH', parentId: world.committeeOrg.id }).expect(400);
      expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field: 'name' })]) });
      await t.http().post('/api/admin/orgs').set(admin).send({ name: '支'.repeat(10 * 1024), type: 'BRANCH', parentId: world.committeeOrg.id }).expect(400);
      await t.http().post('/api/admin/orgs').set(admin).send({ name: '支部', type: 'CELL', parentId: world.committeeOrg.id }).expect(400);
      await t.http().post('/api/admin/orgs').set(admin).send({ name: '支部', type: 'BRANCH', parentId: 'DROP TABLE' }).expect(400);
      await t.http().post('/api/admin/orgs').set(admin).send({ name: '支部', type: 'BRANCH', parentId: '999999' }).expect(422);
      await t.http().patch('/api/admin/orgs/999999').set(admin).send({ name: '无' }).expect(404);
      await t.http().patch('/api/admin/orgs/not-an-id').set(admin).send({ name: '无' }).expect(404);
    });

    it('manages chains and enterprises: one leader per chain, unique names', async () => {
      // Every successful org, enterprise or chain write moves the org tree's counter once (cached trees re-read);
      // refused ones roll back and leave it.
      const treeVersion = async () => Number((await t.dataSource.query(`SELECT version FROM data_versions WHERE name = 'org-tree'`))[0].version);
      const moved = async (write: () => Promise<unknown>, by: number) => {
        const before = await treeVersion();
        await write();
        expect((await treeVersion()) - before).toBe(by);
      };
      const committee = world.committeeOrg.id;
      let created!: { body: ChainResponse };
      await moved(async () => (created = await t.http().post('/api/admin/chains').set(admin).send({ name: '氢能产业链', industry: '新兴', committeeOrgId: committee }).expect(201)), 1);
      const chainId = (created.body as ChainResponse).id;
      await t.http().post('/api/admin/chains').set(admin).send({ name: '氢能产业链', industry: '新兴', committeeOrgId: committee }).expect(409);
      await t.http().post('/api/admin/chains').set(admin).send({ name: '假产业链', industry: '新兴', committeeOrgId: partyOrg.id }).expect(422);
      await t.http().post('/api/admin/enterprises').set(admin).send({ name: '氢源科技', chainId, chainRole: 'LEADER', honours: ['省级创新型中小企业'] }).expect(201);
      const second = await t.http().post('/api/admin/enterprises').set(admin).send({ name: '氢动力', chainId, chainRole: 'LEADER' }).expect(409);
      expect(second.body.message).toContain('氢源科技');
      await t.http().post('/api/admin/enterprises').set(admin).send({ name: '氢动力', chainId }).expect(400);
      await t.http().post('/api/admin/enterprises').set(admin).send({ name: world.enterprise.name }).expect(409);
      const list = await t.http().get(`/api/admin/enterprises?chainId=${chainId}`).set(admin).expect(200);
      expect((list.body as Page<unknown>).items).toHaveLength(1);
      await moved(() => t.http().post('/api/admin/enterprises').set(admin).send({ name: '氢动力', chainId }).expect(400), 0);
      const renamed = await t.http().patch(`/api/admin/chains/${chainId}`).set(admin).send({ name: '氢能源产业链' }).expect(200);
      expect(renamed.body.name).toBe('氢能源产业链');
      await moved(() => t.http().post('/api/admin/enterprises').set(admin).send({ name: '氢储能', chainId, chainRole: 'MEMBER' }).expect(201), 1);
    });

    it('pages through lists with a cursor', async () => {
      for (let i = 1; i <= 11; i++) {
        await t.http().post('/api/admin/enterprises').set(admin).send({ name: `${world.tag}分页企业${i}`, chainId: world.chain.id, chainRole: 'MEMBER' }).expect(201);
      }
      const first = (await t.http().get('/api/admin/enterprises?limit=10').set(admin).expect(200)).body as Page<{ id: string }>;
      expect(first.items).toHaveLength(10);
      expect(first.nextCursor).not.toBeNull();
      const second = (await t.http().get(`/api/admin/enterprises?limit=10&cursor=${first.nextCursor}`).set(admin).expect(200)).body as Page<{ id: string }>;
      expect(second.items[0].id).not.toBe(first.items[0].id);
      await t.http().get('/api/admin/enterprises?limit=1000').set(admin).expect(400);
    });

    it('manages departments', async () => {
      const res = await t.http().post('/api/admin/departments').set(admin).send({ name: '数据局' }).expect(201);
      await t.http().post('/api/admin/departments').set(admin).send({ name: '数据局' }).expect(409);
      await t.http().patch(`/api/admin/departments/${res.body.id}`).set(admin).send({ name: '数据管理局' }).expect(200);
    });
  });

  describe('people and roles', () => {
    beforeAll(ensureWorld);

    it('creates a person with an encrypted phone, shown in full only to admins', async () => {
      const created = await t.http()
        .post('/api/admin/users')
        .set(admin)
        .send({ name: '测试党员', phone: '13912345678', orgId: world.branch.id, politicalStatus: 'FULL_MEMBER' })
        .expect(201);
      const person = created.body as UserResponse;
      expect(person.phone).toBe('13912345678');
      const byPhone = (await t.http().get('/api/admin/users?q=13912345678').set(admin).expect(200)).body as Page<UserResponse>;
      expect(byPhone.items.map((u) => u.id)).toEqual([person.id]);
      const raw: Array<{ phoneEnc: string }> = await t.dataSource.query(`SELECT phoneEnc FROM users WHERE id = ${Number(person.id)}`);
      expect(raw[0].phoneEnc).not.toContain('13912345678');
      const audit = await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${person.id}`).set(admin).expect(200);
      expect(JSON.stringify(audit.body)).not.toContain('13912345678');
      await t.http().post('/api/admin/users').set(admin).send({ name: '坏号码', phone: '12345' }).expect(400);
    });

    it('grants a secretary role scoped to one org: org A members visible, org B not', async () => {
      const secretary = world.secretary;
      const own = await t.http().get(`/api/orgs/${world.branch.id}/members`).set(secretary.auth).expect(200);
      const names = (own.body as Page<UserResponse>).items.map((u) => u.name);
      expect(names).toContain(secretary.name);
      expect((own.body as Page<UserResponse>).items.every((u) => u.phone === null || u.phone.includes('****'))).toBe(true);
      const other = await t.http().get(`/api/orgs/${world.otherBranch.id}/members`).set(secretary.auth).expect(404);
      const missing = await t.http().get('/api/orgs/999999/members').set(secretary.auth).expect(404);
      expect(other.body).toEqual(missing.body);
      await t.http().get(`/api/orgs/${world.branch.id}/members`).set(world.member.auth).expect(403);
    });

    it('applies a grant and a revocation on the very next request', async () => {
      const person = await devLogin(t, 'role-test-person', '角色测试');
      const target = world.sisterBranch.id;
      await t.http().get(`/api/orgs/${target}/members`).set(person.auth).expect(403);
      const granted = await t.http().post(`/api/admin/users/${person.user.id}/roles`).set(admin).send({ role: 'SECRETARY', orgId: target }).expect(201);
      const grant = granted.body as RoleGrantResponse;
      expect(grant).toMatchObject({ role: 'SECRETARY', orgId: target, userId: person.user.id });
      const again = await t.http().post(`/api/admin/users/${person.user.id}/roles`).set(admin).send({ role: 'SECRETARY', orgId: target }).expect(200);
      expect(again.body.id).toBe(grant.id);
      await t.http().get(`/api/orgs/${target}/members`).set(person.auth).expect(200);
      await t.http().delete(`/api/admin/users/${person.user.id}/roles/${grant.id}`).set(admin).expect(204);
      await t.http().get(`/api/orgs/${target}/members`).set(person.auth).expect(403);
      await t.http().delete(`/api/admin/users/${person.user.id}/roles/${grant.id}`).set(admin).expect(404);
    });

    it('validates role scopes', async () => {
      const { user } = await devLogin(t, 'scope-test-person');
      const cases: Array<[Record<string, string>, number]> = [
        [{ role: 'SECRETARY' }, 422],
        [{ role: 'SECRETARY', orgId: world.committeeOrg.id }, 422],
        [{ role: 'COMMITTEE', orgId: world.branch.id }, 422],
        [{ role: 'DEPARTMENT' }, 422],
        [{ role: 'ADMIN', orgId: world.committeeOrg.id }, 422],
        [{ role: 'OWNER' }, 400],
      ];
      for (const [body, status] of cases) {
        await t.http().post(`/api/admin/users/${user.id}/roles`).set(admin).send(body).expect(status);
      }
      await t.http().post('/api/admin/users/999999/roles').set(admin).send({ role: 'INSTRUCTOR' }).expect(404);
    });

    it('sets membership and political status', async () => {
      const { user } = await devLogin(t, 'membership-test', '入党积极分子甲');
      const res = await t.http()
        .put(`/api/admin/users/${user.id}/membership`)
        .set(admin)
        .send({ orgId: world.otherBranch.id, politicalStatus: 'ACTIVIST' })
        .expect(200);
      expect(res.body).toMatchObject({ orgId: world.otherBranch.id, politicalStatus: 'ACTIVIST' });
      await t.http().put(`/api/admin/users/${user.id}/membership`).set(admin).send({ orgId: '999999' }).expect(400);
      await t.http().put(`/api/admin/users/${user.id}/membership`).set(admin).send({ politicalStatus: 'KING' }).expect(400);
    });

    it('lets a committee see the orgs under its committee only', async () => {
      const committee = world.committee;
      await t.http().get(`/api/orgs/${world.branch.id}/members`).set(committee.auth).expect(200);
      await t.http().get(`/api/orgs/${world.otherBranch.id}/members`).set(committee.auth).expect(404);
    });
  });
});
