import type { MeResponse, RoleGrant, RoleGrantResponse, UserResponse } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { RoleGrantEntity } from './role-grant.entity';
import type { UserEntity } from './user.entity';

export function toRoleGrant(g: RoleGrantEntity): RoleGrant {
  return {
    role: g.role,
    ...(g.orgId !== null ? { orgId: String(g.orgId) } : {}),
    ...(g.departmentId !== null ? { departmentId: String(g.departmentId) } : {}),
  };
}

export function toRoleGrantResponse(g: RoleGrantEntity): RoleGrantResponse {
  return { id: String(g.id), userId: String(g.userId), createdAt: toIso(g.createdAt), ...toRoleGrant(g) };
}

/** `phone` is already decrypted and masked (or not) by the caller, who knows who is asking. */
export function toUserResponse(user: UserEntity, grants: RoleGrantEntity[], phone: string | null): UserResponse {
  return {
    id: String(user.id),
    name: user.name,
    phone,
    orgId: user.orgId === null ? null : String(user.orgId),
    enterpriseId: user.enterpriseId === null ? null : String(user.enterpriseId),
    politicalStatus: user.politicalStatus,
    roles: grants.map(toRoleGrantResponse),
    isSample: user.isSample,
    disabled: user.disabledAt !== null,
    createdAt: toIso(user.createdAt),
    updatedAt: toIso(user.updatedAt),
  };
}

export function toMeResponse(
  user: UserEntity,
  grants: RoleGrantEntity[],
  extra: { orgName?: string; enterpriseName?: string; phone?: string },
): MeResponse {
  const roles: RoleGrant[] = [{ role: 'MEMBER' }, ...grants.filter((g) => g.role !== 'MEMBER').map(toRoleGrant)];
  return {
    id: String(user.id),
    name: user.name,
    roles,
    ...(user.orgId !== null ? { orgId: String(user.orgId) } : {}),
    ...(extra.orgName ? { orgName: extra.orgName } : {}),
    ...(user.enterpriseId !== null ? { enterpriseId: String(user.enterpriseId) } : {}),
    ...(extra.enterpriseName ? { enterpriseName: extra.enterpriseName } : {}),
    ...(user.politicalStatus ? { politicalStatus: user.politicalStatus } : {}),
    ...(extra.phone ? { phone: extra.phone } : {}),
    isSample: user.isSample,
  };
}
