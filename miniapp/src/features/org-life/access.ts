import type { MeResponse, OrgTreeNode, OrgType } from '@torch-red/shared';

type Roles = Pick<MeResponse, 'roles'> | null | undefined;

/** The org types that hold 三会一课 and are judged on them (the server's rule). */
const MEETING_ORG_TYPES: readonly OrgType[] = ['BRANCH'];

const hasRole = (me: Roles, ...roles: string[]) => me?.roles.some((grant) => roles.includes(grant.role)) ?? false;

/** Secretaries keep their branch's records; admins may open any branch's. */
export const canKeepMeetings = (me: Roles) => hasRole(me, 'SECRETARY', 'ADMIN');

/** Industry-committee staff (their chains) and admins (everywhere) see on-time compliance. */
export const canSeeCompliance = (me: Roles) => hasRole(me, 'COMMITTEE', 'ADMIN');

export interface MeetingOrgOption {
  id: string;
  name: string;
}

/**
 * The branches whose records this person keeps, in tree order: all of them for an admin, otherwise the
 * branches they are secretary of and those below an org they are secretary of (the server decides again).
 */
export function meetingOrgs(me: Roles, tree: OrgTreeNode[]): MeetingOrgOption[] {
  const admin = hasRole(me, 'ADMIN');
  const roots = new Set((me?.roles ?? []).filter((grant) => grant.role === 'SECRETARY' && grant.orgId).map((grant) => grant.orgId as string));
  const out: MeetingOrgOption[] = [];
  const walk = (nodes: OrgTreeNode[], inside: boolean) => {
    for (const node of nodes) {
      const mine = inside || admin || roots.has(node.id);
      if (mine && MEETING_ORG_TYPES.includes(node.type)) out.push({ id: node.id, name: node.name });
      walk(node.children, mine);
    }
  };
  walk(tree, false);
  return out;
}
