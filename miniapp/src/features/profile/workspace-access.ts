import type { MeResponse, Role } from '@torch-red/shared';

const WORKSPACE_ROLES: readonly Role[] = ['SECRETARY', 'COMMITTEE', 'ADMIN'];

/** Secretaries, committee staff and admins run activities in the workspace. */
export function canUseWorkspace(me: Pick<MeResponse, 'roles'> | null | undefined): boolean {
  return me?.roles.some((grant) => WORKSPACE_ROLES.includes(grant.role)) ?? false;
}
