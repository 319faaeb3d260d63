import type { ChainResponse, DepartmentResponse, EnterpriseResponse, GrantRoleRequest, LoginResponse, OrgResponse, OrgType, Page, PoliticalStatus, Role, UserResponse } from '@torch-red/shared';
import { call } from '../support/server-process';
import type { TestApp } from '../support/test-app';
import { devLogin } from './auth.factory';

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

/**
 * How the factory talks to a server, whatever the HTTP client: a TestApp's supertest agent (`appClient`), or plain
 * fetch against a running `node dist/main.js` (`processClient`). Each call checks the status and returns the body.
 */
export interface ApiClient {
  post<T = unknown>(path: string, body: object, auth?: Auth, status?: number): Promise<T>;
  put<T = unknown>(path: string, body: object, auth?: Auth): Promise<T>;
  get<T = unknown>(path: string, auth?: Auth): Promise<T>;
}

/** The factory's client over a TestApp (every response still goes through the app's contract check). */
export function appClient(t: TestApp): ApiClient {
  return {
    post: async <T>(path: string, body: object, auth?: Auth, status = 201) => (await t.http().post(path).set(auth ?? {}).send(body).expect(status)).body as T,
    put: async <T>(path: string, body: object, auth?: Auth) => (await t.http().put(path).set(auth ?? {}).send(body).expect(200)).body as T,
    get: async <T>(path: string, auth?: Auth) => (await t.http().get(path).set(auth ?? {}).expect(200)).body as T,
  };
}

/** The bearer token inside an Authorization header, as `call()` takes it. */
export const tokenOf = (auth: Auth): string => auth.Authorization.replace(/^Bearer /, '');

/** The factory's client over a running server process at `base` (the black-box `call()` of the multi-process suites). */
export function processClient(base: string): ApiClient {
  const expectStatus = async <T>(method: string, path: string, auth: Auth | undefined, body: object | undefined, status: number): Promise<T> => {
    const res = await call(base, method, path, auth ? tokenOf(auth) : undefined, body);
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  return {
    post: <T>(path: string, body: object, auth?: Auth, status = 201) => expectStatus<T>('POST', path, auth, body, status),
    put: <T>(path: string, body: object, auth?: Auth) => expectStatus<T>('PUT', path, auth, body, 200),
    get: <T>(path: string, auth?: Auth) => expectStatus<T>('GET', path, auth, undefined, 200),
  };
}

/** A TestApp or a client: the factory's functions take either. */
export type Target = TestApp | ApiClient;
const clientOf = (target: Target): ApiClient => ('dataSource' in target ? appClient(target) : target);

/** Dev login (development/test servers only) through any client. */
export async function signIn(target: Target, openid: string, name?: string): Promise<LoginResponse & { auth: Auth }> {
  const body = await clientOf(target).post<LoginResponse>('/api/auth/dev-login', name ? { openid, name } : { openid }, undefined, 200);
  return { ...body, auth: { Authorization: `Bearer ${body.accessToken}` } };
}

/** The admin account's sign-in through any client. */
export async function signInAdmin(target: Target, username = 'admin', password = 'torchred-admin'): Promise<Auth> {
  const body = await clientOf(target).post<{ accessToken: string }>('/api/admin/auth/login', { username, password }, undefined, 200);
  return { Authorization: `Bearer ${body.accessToken}` };
}

async function workingCommittee(c: ApiClient, admin: Auth, tag: string): Promise<string> {
  const found = (await c.get<Page<OrgResponse>>('/api/admin/orgs?type=WORKING_COMMITTEE&limit=1', admin)).items[0];
  if (found) return found.id;
  return (await createOrg(c, admin, `${tag}党工委`, 'WORKING_COMMITTEE', null, null)).id;
}

async function createOrg(c: ApiClient, admin: Auth, name: string, type: OrgType, parentId: string | null, enterpriseId: string | null): Promise<WorldOrg> {
  const org = await c.post<OrgResponse>('/api/admin/orgs', { name, type, parentId, enterpriseId }, admin);
  return { id: org.id, name: org.name };
}

async function createChain(c: ApiClient, admin: Auth, name: string, committeeOrgId: string): Promise<{ id: string; name: string }> {
  const chain = await c.post<ChainResponse>('/api/admin/chains', { name, industry: '测试', committeeOrgId }, admin);
  return { id: chain.id, name: chain.name };
}

async function createEnterprise(c: ApiClient, admin: Auth, name: string, chainId: string): Promise<{ id: string; name: string }> {
  const enterprise = await c.post<EnterpriseResponse>('/api/admin/enterprises', { name, chainId, chainRole: 'LEADER' }, admin);
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
export async function createPerson(target: Target, admin: Auth, tag: string, key: string, spec: PersonSpec): Promise<WorldPerson> {
  const c = clientOf(target);
  const openid = `${tag}-${key}`.toLowerCase();
  const phone = uniquePhone();
  const user = await c.post<UserResponse>(
    '/api/admin/users',
    { name: spec.name, phone, openid, orgId: spec.orgId ?? null, enterpriseId: spec.enterpriseId ?? null, politicalStatus: spec.politicalStatus ?? null },
    admin,
  );
  for (const grant of spec.roles ?? []) await c.post(`/api/admin/users/${user.id}/roles`, grant, admin);
  const login = await signIn(c, openid);
  return { id: user.id, name: spec.name, openid, phone, auth: login.auth };
}

/** Creates a department through the admin API. */
export async function createDepartment(target: Target, admin: Auth, name: string): Promise<{ id: string; name: string }> {
  const department = await clientOf(target).post<DepartmentResponse>('/api/admin/departments', { name }, admin);
  return { id: department.id, name: department.name };
}

/**
 * The world, made through a TestApp or through any server the client reaches (e.g. one of several real processes,
 * signed in as the admin account).
 */
export async function createWorld(target: Target): Promise<World> {
  const c = clientOf(target);
  const tag = nextTag();
  const admin = await signInAdmin(c);
  const wc = await workingCommittee(c, admin, tag);

  const committeeOrg = await createOrg(c, admin, `${tag}产业党委`, 'INDUSTRY_COMMITTEE', wc, null);
  const chain = await createChain(c, admin, `${tag}产业链`, committeeOrg.id);
  const enterprise = await createEnterprise(c, admin, `${tag}企业`, chain.id);
  const branch = await createOrg(c, admin, `${tag}第一党支部`, 'BRANCH', committeeOrg.id, enterprise.id);
  const sisterBranch = await createOrg(c, admin, `${tag}第二党支部`, 'BRANCH', committeeOrg.id, enterprise.id);

  const otherCommitteeOrg = await createOrg(c, admin, `${tag}乙产业党委`, 'INDUSTRY_COMMITTEE', wc, null);
  const otherChain = await createChain(c, admin, `${tag}乙产业链`, otherCommitteeOrg.id);
  const otherEnterprise = await createEnterprise(c, admin, `${tag}乙企业`, otherChain.id);
  const otherBranch = await createOrg(c, admin, `${tag}乙党支部`, 'BRANCH', otherCommitteeOrg.id, otherEnterprise.id);

  const department = await createDepartment(c, admin, `${tag}发展局`);

  const person = (key: string, spec: PersonSpec) => createPerson(c, admin, tag, key, spec);
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
  const strangerLogin = await signIn(c, `${tag}-stranger`.toLowerCase(), `${tag}访客`);
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
