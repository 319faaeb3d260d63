import type { OrgTreeNode } from '@torch-red/shared';

/** Finds an organisation by name anywhere in the tree from GET /api/orgs/tree. */
export function findOrg(nodes: OrgTreeNode[], name: string): OrgTreeNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = findOrg(n.children, name);
    if (hit) return hit;
  }
  return undefined;
}
