import { API, type AuditLogQuery, type CreateTalkRequest, type DemoPointRequest, type GrantRoleRequest, type PageQuery, type UpdateTalkRequest, type UserListQuery } from '@torch-red/shared';
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
