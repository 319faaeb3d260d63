import { API, type AuditLogQuery, type CreateChainRequest, type CreateDepartmentRequest, type CreateEnterpriseRequest, type CreateOrgRequest, type EnterpriseListQuery, type VisitListQuery, type CreateTalkRequest, type DemoPointRequest, type GrantRoleRequest, type OrgListQuery, type PageQuery, type UpdateTalkRequest, type UpdateOrgRequest, type UserListQuery } from '@torch-red/shared';
import { send } from '@/services/http';

// The 管理后台's calls (admin subpackage only; the server allows them to admins alone).
export const listAuditLogs = (query: AuditLogQuery) => send(API.admin.auditLogs, { query });
export const getAuditLog = (id: string) => send(API.admin.auditLog(id));

export const listUsers = (query: UserListQuery) => send(API.admin.users.list, { query });
export const getUser = (id: string) => send(API.admin.users.detail(id));
export const grantRole = (userId: string, body: GrantRoleRequest) => send(API.admin.users.grantRole(userId), { body });
export const revokeRole = (userId: string, grantId: string) => send(API.admin.users.revokeRole(userId, grantId));

export const listAdminTalks = (query: PageQuery) => send(API.admin.talks.list, { query });
export const createTalk = (body: CreateTalkRequest) => send(API.admin.talks.create, { body });
export const updateTalk = (id: string, body: UpdateTalkRequest) => send(API.admin.talks.update(id), { body });
export const publishTalk = (id: string) => send(API.admin.talks.publish(id));
export const publishMinutes = (id: string, minutes: string) => send(API.admin.talks.minutes(id), { body: { minutes } });

export const nameDemoPoint = (brandId: string, body: DemoPointRequest) => send(API.admin.brands.demoPoint(brandId), { body });

export const createOrg = (body: CreateOrgRequest) => send(API.admin.orgs.create, { body });
export const updateOrg = (id: string, body: UpdateOrgRequest) => send(API.admin.orgs.update(id), { body });
export const listAdminOrgs = (query: OrgListQuery) => send(API.admin.orgs.list, { query });
export const closeOrg = (id: string) => send(API.admin.orgs.close(id));
export const reopenOrg = (id: string) => send(API.admin.orgs.reopen(id));
export const runDeadlineChecks = () => send(API.admin.needs.deadlineChecks);
export const listAdminChains = () => send(API.admin.chains.list);
export const createChain = (body: CreateChainRequest) => send(API.admin.chains.create, { body });
export const updateChain = (id: string, body: Partial<CreateChainRequest>) => send(API.admin.chains.update(id), { body });
export const listAdminEnterprises = (query: EnterpriseListQuery) => send(API.admin.enterprises.list, { query });
export const createEnterprise = (body: CreateEnterpriseRequest) => send(API.admin.enterprises.create, { body });
export const updateEnterprise = (id: string, body: Partial<CreateEnterpriseRequest>) => send(API.admin.enterprises.update(id), { body });
export const listAdminDepartments = () => send(API.admin.departments.list);
export const createDepartment = (body: CreateDepartmentRequest) => send(API.admin.departments.create, { body });
export const updateDepartment = (id: string, body: Partial<CreateDepartmentRequest>) => send(API.admin.departments.update(id), { body });

export const listInstructors = () => send(API.admin.instructors.list);
export const instructorEnterprises = (id: string) => send(API.admin.instructors.enterprises(id));
export const setInstructorEnterprises = (id: string, enterpriseIds: string[]) => send(API.admin.instructors.setEnterprises(id), { body: { enterpriseIds } });
export const listVisits = (query: VisitListQuery) => send(API.needs.visits, { query });
