import type { MeResponse, OrgTreeNode } from '@torch-red/shared';
import { useQuery } from '@/hooks/use-query';
import { getOrgTree } from '../api';
import type { OrgOption } from '../components/activity-editor';

function flatten(nodes: OrgTreeNode[], into: OrgOption[] = []): OrgOption[] {
  for (const node of nodes) {
    into.push({ id: node.id, name: node.name });
    flatten(node.children, into);
  }
  return into;
}

/** The organisations this person may hold activities for: those they run, or all of them for an admin. */
export function orgOptionsFor(me: Pick<MeResponse, 'roles'>, tree: OrgTreeNode[]): OrgOption[] {
  const all = flatten(tree);
  if (me.roles.some((grant) => grant.role === 'ADMIN')) {
    return all;
  }
  const run = new Set(me.roles.filter((grant) => grant.role === 'SECRETARY' || grant.role === 'COMMITTEE').map((grant) => grant.orgId));
  return all.filter((org) => run.has(org.id));
}

export const useOrgTree = (enabled: boolean) => useQuery(getOrgTree, { key: 'orgs:tree', enabled });
