import type { PageQuery } from './common';
import type { PoliticalStatus } from './org';

export const ROLES = ['MEMBER', 'SECRETARY', 'COMMITTEE', 'DEPARTMENT', 'INSTRUCTOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  MEMBER: '成员',
  SECRETARY: '支部书记',
  COMMITTEE: '产业党委',
  DEPARTMENT: '职能部门',
  INSTRUCTOR: '党建指导员',
  ADMIN: '管理员',
};

/** A scoped role: SECRETARY/COMMITTEE carry orgId, DEPARTMENT carries departmentId. */
export interface RoleGrant {
  role: Role;
  orgId?: string;
  departmentId?: string;
}

/** `POST /api/admin/users/:userId/roles`. */
export type GrantRoleRequest = RoleGrant;

export interface RoleGrantResponse extends RoleGrant {
  id: string;
  userId: string;
  createdAt: string;
}

export interface UserSummary {
  id: string;
  name: string;
}

export interface MeResponse {
  id: string;
  name: string;
  roles: RoleGrant[];
  orgId?: string;
  orgName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  politicalStatus?: PoliticalStatus;
  /** Masked unless the caller is an admin. */
  phone?: string;
  isSample?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: MeResponse;
}

export interface AdminLoginResponse {
  accessToken: string;
}

export interface WechatLoginRequest {
  code: string;
}

export interface DevLoginRequest {
  openid: string;
  name?: string;
}

export interface AdminLoginRequest {
  username: string;
  password: string;
}

/**
 * `PUT /api/admin/auth/password` (admins with a password login). The new password needs at least
 * 12 characters from 3 of: lower-case, upper-case, digits, symbols. All other sessions end; the answer
 * carries a fresh token for this one.
 */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** A seeded person the H5 sign-in page offers when dev login is on. */
export interface DemoPerson {
  openid: string;
  name: string;
  description: string;
}

export interface UserResponse {
  id: string;
  name: string;
  /** Masked (138****5678) unless the caller is an admin. */
  phone: string | null;
  orgId: string | null;
  enterpriseId: string | null;
  politicalStatus: PoliticalStatus | null;
  roles: RoleGrantResponse[];
  isSample: boolean;
  /** Disabled by an admin: cannot sign in, and existing sessions are refused. */
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `PUT /api/admin/users/:userId/status`: disabling also ends the person's sessions. */
export interface UserStatusRequest {
  disabled: boolean;
}

export interface CreateUserRequest {
  name: string;
  phone?: string | null;
  openid?: string | null;
  orgId?: string | null;
  enterpriseId?: string | null;
  politicalStatus?: PoliticalStatus | null;
}

export interface UpdateUserRequest {
  name?: string;
  phone?: string | null;
}

/** People lists (`GET /api/admin/users`, `GET /api/orgs/:id/members`). */
export interface UserListQuery extends PageQuery {
  /** A name fragment, or an exact phone number. */
  q?: string;
  orgId?: string;
}

export interface UpdateMembershipRequest {
  orgId?: string | null;
  enterpriseId?: string | null;
  politicalStatus?: PoliticalStatus | null;
}
