import type { ActivityVisibility } from '@torch-red/shared';
import { orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import type { OrgTree } from '../org/org-tree';

/**
 * Who sees an activity that is not PUBLIC (shared ACTIVITY_VISIBILITIES), as the orgs whose activities the caller
 * may see:
 * - ORG: the caller's own organisation and every one above it (a branch member sees the committee's 本组织
 *   activities), plus the orgs the caller runs (secretary / committee staff) and everything below them;
 * - CHAIN: every org on the chains the caller is on (through their organisation, their enterprise or the orgs they
 *   run), plus the ORG set.
 * A 群众 entrepreneur with no organisation therefore sees CHAIN activities of their enterprise's chain, never ORG
 * ones; a brand-new user with neither sees PUBLIC ones only. Admins see everything (`null`).
 */
export interface ActivityAudience {
  orgIds: number[];
  chainOrgIds: number[];
}

/** True when the audience needs no tree: a person with no organisation, enterprise or role sees PUBLIC only. */
export function isPublicOnly(user: AuthUser): boolean {
  return !user.isAdmin && user.orgId === null && user.enterpriseId === null && managedRoots(user).length === 0;
}

export function audienceOf(user: AuthUser, tree: OrgTree | null): ActivityAudience | null {
  if (user.isAdmin) return null;
  if (!tree || isPublicOnly(user)) return { orgIds: [], chainOrgIds: [] };
  const managed = tree.descendants(managedRoots(user));
  const orgIds = new Set<number>([...(user.orgId !== null ? tree.ancestors(user.orgId) : []), ...managed]);
  const chains = new Set<number>();
  const addChain = (chain: number | null) => {
    if (chain !== null) chains.add(chain);
  };
  if (user.orgId !== null) addChain(tree.chainOf(user.orgId));
  if (user.enterpriseId !== null) addChain(tree.chainOfEnterprise(user.enterpriseId));
  for (const id of managedRoots(user)) addChain(tree.chainOf(id));
  const chainOrgIds = new Set<number>(orgIds);
  for (const chain of chains) for (const id of tree.orgsOfChain(chain)) chainOrgIds.add(id);
  return { orgIds: [...orgIds].sort((a, b) => a - b), chainOrgIds: [...chainOrgIds].sort((a, b) => a - b) };
}

export function canSee(audience: ActivityAudience | null, activity: { orgId: number; visibility: ActivityVisibility }): boolean {
  if (audience === null || activity.visibility === 'PUBLIC') return true;
  if (activity.visibility === 'ORG') return audience.orgIds.includes(activity.orgId);
  return audience.chainOrgIds.includes(activity.orgId);
}

function managedRoots(user: AuthUser): number[] {
  return [...orgIdsWithRole(user, 'SECRETARY'), ...orgIdsWithRole(user, 'COMMITTEE')];
}
