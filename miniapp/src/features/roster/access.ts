import type { MeResponse, OrgTreeNode } from '@torch-red/shared';

/** Secretaries (their org), industry-committee staff (their chain's orgs) and admins (all) keep rosters. */
export function canManageRoster(me: Pick<MeResponse, 'roles'> | null | undefined): boolean {
  return me?.roles.some((grant) => grant.role === 'SECRETARY' || grant.role === 'COMMITTEE' || grant.role === 'ADMIN') ?? false;
}

export interface RosterOrgOption {
  id: string;
  name: string;
  /** How deep in the tree, for indenting the picker. */
  depth: number;
}

/**
 * The orgs whose roster this person may open, in tree order: everything for admins, otherwise the orgs they
 * are secretary or committee staff of and everything below them (the server decides again on each call).
 */
export function rosterOrgs(me: Pick<MeResponse, 'roles'> | null | undefined, tree: OrgTreeNode[]): RosterOrgOption[] {
  const roles = me?.roles ?? [];
  const admin = roles.some((grant) => grant.role === 'ADMIN');
  const roots = new Set(roles.filter((grant) => (grant.role === 'SECRETARY' || grant.role === 'COMMITTEE') && grant.orgId).map((grant) => grant.orgId as string));
  const out: RosterOrgOption[] = [];
  const walk = (nodes: OrgTreeNode[], depth: number, inside: boolean) => {
    for (const node of nodes) {
      const mine = inside || admin || roots.has(node.id);
      if (mine) out.push({ id: node.id, name: node.name, depth });
      walk(node.children, mine ? depth + 1 : depth, mine);
    }
  };
  walk(tree, 0, false);
  return out;
}
