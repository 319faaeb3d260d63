import type { MeResponse } from '@torch-red/shared';

/** The 管理后台 is the working committee's admins' (ADMIN role); the server checks again on every call. */
export function isAdmin(me: Pick<MeResponse, 'roles'> | null | undefined): boolean {
  return me?.roles.some((grant) => grant.role === 'ADMIN') ?? false;
}
