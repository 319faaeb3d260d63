import type { MeResponse, OrgTreeNode } from '@torch-red/shared';
import type { OrgOption } from '../components/org-picker';

function flatten(nodes: OrgTreeNode[], into: OrgOption[] = []): OrgOption[] {
  for (const node of nodes) {
    into.push({ id: node.id, name: node.name });
    flatten(node.children, into);
  }
  return into;
}

function find(nodes: OrgTreeNode[], id: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = find(node.children, id);
    if (below) return below;
  }
  return undefined;
}

/** The organisations whose people this person onboards: those they run and every one below (all for an admin). */
export function managedOrgs(me: Pick<MeResponse, 'roles'>, tree: OrgTreeNode[]): OrgOption[] {
  if (me.roles.some((grant) => grant.role === 'ADMIN')) return flatten(tree);
  const roots = me.roles.filter((grant) => (grant.role === 'SECRETARY' || grant.role === 'COMMITTEE') && grant.orgId).map((grant) => grant.orgId as string);
  const seen = new Map<string, OrgOption>();
  for (const root of roots) {
    const node = find(tree, root);
    if (node) for (const org of flatten([node])) seen.set(org.id, org);
  }
  return [...seen.values()];
}

