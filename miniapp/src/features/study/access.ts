import type { MeResponse, Role } from '@torch-red/shared';

const PARTICIPATION_ROLES: readonly Role[] = ['SECRETARY', 'COMMITTEE'];

/** Branch secretaries (and committee staff) see who in their organisation has studied this week. */
export function canSeeStudyParticipation(me: Pick<MeResponse, 'roles'> | null | undefined): boolean {
  return me?.roles.some((grant) => PARTICIPATION_ROLES.includes(grant.role)) ?? false;
}
