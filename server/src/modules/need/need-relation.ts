import type { NeedRelation } from '@torch-red/shared';
import { departmentIdsOf, type AuthUser } from '../../common/auth/auth-user';
import { isNeedCommittee, type NeedFacts } from '../access/permissions';
import type { NeedAssignmentEntity } from './need-assignment.entity';
import type { NeedEntity } from './need.entity';

/**
 * How the caller stands to a need: its raiser, staff of its industry committee (admins count as every
 * committee), and the departments they handle. The shared state machine (need-state.ts) turns this and the
 * need's state into what the caller may do next.
 */
export function needRelation(user: AuthUser, need: Pick<NeedEntity, 'raisedBy' | 'committeeOrgId'>): NeedRelation<number> {
  return {
    isRaiser: need.raisedBy === user.id,
    isCommittee: isNeedCommittee(user, need.committeeOrgId),
    departmentIds: departmentIdsOf(user),
  };
}

/** What the access policy needs to know about a need the caller already loaded. */
export function needFacts(need: Pick<NeedEntity, 'raisedBy' | 'committeeOrgId' | 'enterpriseId'>, assignments: Array<Pick<NeedAssignmentEntity, 'departmentId'>>): NeedFacts {
  return { committeeOrgId: need.committeeOrgId, raisedBy: need.raisedBy, enterpriseId: need.enterpriseId, departmentIds: assignments.map((a) => a.departmentId) };
}
