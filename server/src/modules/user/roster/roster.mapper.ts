import type { RosterPerson } from '@torch-red/shared';
import type { RoleGrantEntity } from '../role-grant.entity';
import { toRoleGrant } from '../user.mapper';
import type { UserEntity } from '../user.entity';

export interface RosterPersonContext {
  grants: RoleGrantEntity[];
  /** Already decrypted and masked (or not) for the caller. */
  phone: string | null;
  orgName: string | null;
  enterpriseName: string | null;
  canMarkLeft: boolean;
}

export function toRosterPerson(user: UserEntity, ctx: RosterPersonContext): RosterPerson {
  return {
    id: String(user.id),
    name: user.name,
    phone: ctx.phone,
    orgId: user.orgId === null ? null : String(user.orgId),
    orgName: ctx.orgName,
    enterpriseId: user.enterpriseId === null ? null : String(user.enterpriseId),
    enterpriseName: ctx.enterpriseName,
    politicalStatus: user.politicalStatus,
    partyPost: user.partyPost,
    partyJoinedAt: user.partyJoinedAt,
    bound: user.openid !== null,
    disabled: user.disabledAt !== null,
    roles: ctx.grants.filter((g) => g.role !== 'MEMBER').map(toRoleGrant),
    canMarkLeft: ctx.canMarkLeft,
  };
}
