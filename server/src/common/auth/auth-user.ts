import type { Role } from '@torch-red/shared';
import type { PrincipalProof } from './principal';

export interface Grant {
  id: number;
  role: Role;
  orgId: number | null;
  departmentId: number | null;
}

/** The caller, loaded from the database on every request (roles are never frozen into the token). */
export interface AuthUser {
  id: number;
  name: string;
  orgId: number | null;
  enterpriseId: number | null;
  grants: Grant[];
  isAdmin: boolean;
  /**
   * The org tree's change counter, read with the person in the same round trip: the org tree snapshot a process
   * keeps is current when its counter equals this, so permission checks in this request make no extra query.
   */
  orgTreeVersion?: string;
  /**
   * Present when this principal is the process's last read of the person, to be confirmed by the handler's first
   * query (see PrincipalProof); absent when it was read from the database in this request.
   */
  proof?: PrincipalProof;
}

export function hasRole(user: AuthUser, role: Role): boolean {
  return role === 'MEMBER' || user.isAdmin || user.grants.some((g) => g.role === role);
}

export function orgIdsWithRole(user: AuthUser, role: 'SECRETARY' | 'COMMITTEE'): number[] {
  return user.grants.filter((g) => g.role === role && g.orgId !== null).map((g) => g.orgId as number);
}

export function departmentIdsOf(user: AuthUser): number[] {
  return user.grants.filter((g) => g.role === 'DEPARTMENT' && g.departmentId !== null).map((g) => g.departmentId as number);
}
