import type { NeedRelation } from '@torch-red/shared';
import { departmentIdsOf, orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import type { NeedEntity } from './need.entity';

/**
 * How the caller stands to a need: its raiser, staff of its industry committee (admins count as every
 * committee), and the departments they handle. The shared state machine (need-state.ts) turns this and the
 * need's state into what the caller may do next.
 */
export function needRelation(user: AuthUser, need: Pick<NeedEntity, 'raisedBy' | 'committeeOrgId'>): NeedRelation<number> {
  return {
    isRaiser: need.raisedBy === user.id,
    isCommittee: user.isAdmin || orgIdsWithRole(user, 'COMMITTEE').includes(need.committeeOrgId),
    departmentIds: departmentIdsOf(user),
  };
}
