import type { ChainResponse, DepartmentResponse, EnterpriseResponse, GrantRoleRequest, OrgResponse, Page } from '@torch-red/shared';
import type { TestApp } from '../support/test-app';
import { devLogin } from './auth.factory';

type Auth = { Authorization: string };
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
