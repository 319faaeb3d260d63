import type { ChainResponse, DepartmentResponse, EnterpriseResponse, GrantRoleRequest, OrgResponse, OrgType, Page, PoliticalStatus, Role, UserResponse } from '@torch-red/shared';
import type { TestApp } from '../support/test-app';
import { adminLogin, devLogin } from './auth.factory';

export type Auth = { Authorization: string };

export interface WorldPerson {
  id: string;
  name: string;
  openid: string;
  /** The full phone number the person was created with (shown masked by the API). */
  phone: string;
  auth: Auth;
}

export interface WorldOrg {
  id: string;
  name: string;
}

/**
 * A small organisation of the zone made by the test itself through the admin API, so that a suite does not
 * depend on the demo seed's names: two industry chains, each with an industry committee (产业党委), a leader
 * enterprise and its branch (党支部); one department (职能部门); and the people who work in them.
 *
 *   working committee (the seed's or a new one)
 *   ├── {tag}产业党委 ── chain {tag}产业链 ── {tag}企业 ── {tag}第一党支部 (member, secretary, entrepreneur)
 *   │                                              └──── {tag}第二党支部 (sister branch, same chain)
 *   └── {tag}乙产业党委 ── chain {tag}乙产业链 ── {tag}乙企业 ── {tag}乙党支部 (otherSecretary)
 */
export interface World {
  tag: string;
  admin: Auth;
  committeeOrg: WorldOrg;
  chain: { id: string; name: string };
  enterprise: { id: string; name: string };
  branch: WorldOrg;
  sisterBranch: WorldOrg;
  otherCommitteeOrg: WorldOrg;
  otherChain: { id: string; name: string };
  otherEnterprise: { id: string; name: string };
  otherBranch: WorldOrg;
  department: { id: string; name: string };
  /** 正式党员 of `branch`, works at `enterprise`. */
  member: WorldPerson;
  /** SECRETARY of `branch`. */
  secretary: WorldPerson;
  /** SECRETARY of `otherBranch` (another chain). */
  otherSecretary: WorldPerson;
  /** COMMITTEE staff of `committeeOrg`, so of every org on `chain`. */
  committee: WorldPerson;
  /** DEPARTMENT handler of `department`. */
  handler: WorldPerson;
  /** 群众 entrepreneur of `otherEnterprise`, in no Party organisation. */
  entrepreneur: WorldPerson;
  /** A signed-in person with no organisation, enterprise or role. */
  stranger: WorldPerson;
}

let sequence = 0;

/** A unique short tag per world, so several worlds (and suites) share one database without name clashes. */
function nextTag(): string {
  sequence += 1;
  return `W${process.pid % 1000}${Date.now() % 100000}${sequence}`;
}

/** A unique mainland mobile number (139 + 8 digits) derived from a counter. */
let phoneCounter = Math.floor(Math.random() * 1_000_000);
export function uniquePhone(): string {
  phoneCounter = (phoneCounter + 7919) % 100_000_000;
  return `139${String(phoneCounter).padStart(8, '0')}`;
}

async function workingCommittee(t: TestApp, admin: Auth, tag: string): Promise<string> {
  const res = await t.http().get('/api/admin/orgs?type=WORKING_COMMITTEE&limit=1').set(admin).expect(200);
  const found = (res.body as Page<OrgResponse>).items[0];
  if (found) return found.id;
  return (await createOrg(t, admin, `${tag}党工委`, 'WORKING_COMMITTEE', null, null)).id;
}

async function createOrg(t: TestApp, admin: Auth, name: string, type: OrgType, parentId: string | null, enterpriseId: string | null): Promise<WorldOrg> {
  const res = await t.http().post('/api/admin/orgs').set(admin).send({ name, type, parentId, enterpriseId }).expect(201);
  const org = res.body as OrgResponse;
  return { id: org.id, name: org.name };
}

async function createChain(t: TestApp, admin: Auth, name: string, committeeOrgId: string): Promise<{ id: string; name: string }> {
  const res = await t.http().post('/api/admin/chains').set(admin).send({ name, industry: '测试', committeeOrgId }).expect(201);
  const chain = res.body as ChainResponse;
  return { id: chain.id, name: chain.name };
}

async function createEnterprise(t: TestApp, admin: Auth, name: string, chainId: string): Promise<{ id: string; name: string }> {
  const res = await t.http().post('/api/admin/enterprises').set(admin).send({ name, chainId, chainRole: 'LEADER' }).expect(201);
  const enterprise = res.body as EnterpriseResponse;
  return { id: enterprise.id, name: enterprise.name };
}

export interface PersonSpec {
  name: string;
  orgId?: string | null;
  enterpriseId?: string | null;
  politicalStatus?: PoliticalStatus | null;
  roles?: Array<{ role: Role; orgId?: string; departmentId?: string }>;
}

/** Creates a person through the admin API (with a phone and an openid), grants roles, and signs them in. */
export async function createPerson(t: TestApp, admin: Auth, tag: string, key: string, spec: PersonSpec): Promise<WorldPerson> {
  const openid = `${tag}-${key}`.toLowerCase();
  const phone = uniquePhone();
  const res = await t
    .http()
    .post('/api/admin/users')
    .set(admin)
    .send({ name: spec.name, phone, openid, orgId: spec.orgId ?? null, enterpriseId: spec.enterpriseId ?? null, politicalStatus: spec.politicalStatus ?? null })
    .expect(201);
  const user = res.body as UserResponse;
  for (const grant of spec.roles ?? []) {
    await t.http().post(`/api/admin/users/${user.id}/roles`).set(admin).send(grant).expect(201);
  }
  const login = await devLogin(t, openid);
  return { id: user.id, name: spec.name, openid, phone, auth: login.auth };
}

export async function createWorld(t: TestApp): Promise<World> {
  const tag = nextTag();
  const admin = await adminLogin(t);
  const wc = await workingCommittee(t, admin, tag);

  const committeeOrg = await createOrg(t, admin, `${tag}产业党委`, 'INDUSTRY_COMMITTEE', wc, null);
  const chain = await createChain(t, admin, `${tag}产业链`, committeeOrg.id);
  const enterprise = await createEnterprise(t, admin, `${tag}企业`, chain.id);
  const branch = await createOrg(t, admin, `${tag}第一党支部`, 'BRANCH', committeeOrg.id, enterprise.id);
  const sisterBranch = await createOrg(t, admin, `${tag}第二党支部`, 'BRANCH', committeeOrg.id, enterprise.id);

  const otherCommitteeOrg = await createOrg(t, admin, `${tag}乙产业党委`, 'INDUSTRY_COMMITTEE', wc, null);
  const otherChain = await createChain(t, admin, `${tag}乙产业链`, otherCommitteeOrg.id);
  const otherEnterprise = await createEnterprise(t, admin, `${tag}乙企业`, otherChain.id);
  const otherBranch = await createOrg(t, admin, `${tag}乙党支部`, 'BRANCH', otherCommitteeOrg.id, otherEnterprise.id);

  const departmentRes = await t.http().post('/api/admin/departments').set(admin).send({ name: `${tag}发展局` }).expect(201);
  const department = { id: (departmentRes.body as { id: string }).id, name: `${tag}发展局` };

  const person = (key: string, spec: PersonSpec) => createPerson(t, admin, tag, key, spec);
  const member = await person('member', { name: `${tag}党员`, orgId: branch.id, enterpriseId: enterprise.id, politicalStatus: 'FULL_MEMBER' });
  const secretary = await person('secretary', {
    name: `${tag}书记`,
    orgId: branch.id,
    enterpriseId: enterprise.id,
    politicalStatus: 'FULL_MEMBER',
    roles: [{ role: 'SECRETARY', orgId: branch.id }],
  });
  const otherSecretary = await person('other-secretary', {
    name: `${tag}乙书记`,
    orgId: otherBranch.id,
    enterpriseId: otherEnterprise.id,
    politicalStatus: 'FULL_MEMBER',
    roles: [{ role: 'SECRETARY', orgId: otherBranch.id }],
  });
  const committee = await person('committee', { name: `${tag}党委委员`, orgId: committeeOrg.id, politicalStatus: 'FULL_MEMBER', roles: [{ role: 'COMMITTEE', orgId: committeeOrg.id }] });
  const handler = await person('handler', { name: `${tag}经办人`, roles: [{ role: 'DEPARTMENT', departmentId: department.id }] });
  const entrepreneur = await person('entrepreneur', { name: `${tag}企业家`, enterpriseId: otherEnterprise.id, politicalStatus: 'MASSES' });
  const strangerLogin = await devLogin(t, `${tag}-stranger`.toLowerCase(), `${tag}访客`);
  const stranger = { id: strangerLogin.user.id, name: `${tag}访客`, openid: `${tag}-stranger`.toLowerCase(), phone: '', auth: strangerLogin.auth };

  return {
    tag,
    admin,
    committeeOrg,
    chain,
    enterprise,
    branch,
    sisterBranch,
    otherCommitteeOrg,
    otherChain,
    otherEnterprise,
    otherBranch,
    department,
    member,
    secretary,
    otherSecretary,
    committee,
    handler,
    entrepreneur,
    stranger,
  };
}

// ── A bare chain for list tests (pagination): one committee, chain, enterprise with a Party committee, n branches ──

/** A signed-in person (chainWorld's people). */
export interface Person {
  id: string;
  auth: Auth;
}

/**
 * A chain of its own, apart from the demo seed: an industry committee under the working committee, its chain,
 * an enterprise on it with a Party committee and `branches` branches below, and a department. Names carry `tag`.
 */
export interface ChainWorld {
  committee: OrgResponse;
  chain: ChainResponse;
  enterprise: EnterpriseResponse;
  partyOrg: OrgResponse;
  branches: OrgResponse[];
  department: DepartmentResponse;
}

export async function chainWorld(t: TestApp, admin: Auth, tag: string, branches = 0): Promise<ChainWorld> {
  const post = async <T>(path: string, body: object): Promise<T> => (await t.http().post(path).set(admin).send(body).expect(201)).body as T;
  const top = ((await t.http().get('/api/admin/orgs?type=WORKING_COMMITTEE').set(admin).expect(200)).body as Page<OrgResponse>).items[0];
  const committee = await post<OrgResponse>('/api/admin/orgs', { name: `${tag}产业党委`, type: 'INDUSTRY_COMMITTEE', parentId: top.id });
  const chain = await post<ChainResponse>('/api/admin/chains', { name: `${tag}产业链`, industry: tag, committeeOrgId: committee.id });
  const enterprise = await post<EnterpriseResponse>('/api/admin/enterprises', { name: `${tag}企业`, chainId: chain.id, chainRole: 'MEMBER' });
  const partyOrg = await post<OrgResponse>('/api/admin/orgs', { name: `${tag}企业党委`, type: 'PARTY_COMMITTEE', parentId: committee.id, enterpriseId: enterprise.id });
  const branchOrgs: OrgResponse[] = [];
  for (let i = 1; i <= branches; i++) branchOrgs.push(await post<OrgResponse>('/api/admin/orgs', { name: `${tag}第${i}支部`, type: 'BRANCH', parentId: partyOrg.id }));
  const department = await post<DepartmentResponse>('/api/admin/departments', { name: `${tag}局` });
  return { committee, chain, enterprise, partyOrg, branches: branchOrgs, department };
}

/** A person signed in with dev login, with the grants given (and, optionally, a place in an org and enterprise). */
export async function person(t: TestApp, admin: Auth, openid: string, grants: GrantRoleRequest[] = [], membership?: { orgId: string; enterpriseId: string }): Promise<Person> {
  const login = await devLogin(t, openid, openid.slice(0, 20));
  for (const grant of grants) await t.http().post(`/api/admin/users/${login.user.id}/roles`).set(admin).send(grant).expect((res) => expect([200, 201]).toContain(res.status));
  if (membership) await t.http().put(`/api/admin/users/${login.user.id}/membership`).set(admin).send(membership).expect(200);
  return { id: login.user.id, auth: login.auth };
}
