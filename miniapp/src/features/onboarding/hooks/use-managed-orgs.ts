import { useState } from 'react';
import type { MeResponse, OrgTreeNode } from '@torch-red/shared';
import { useSession } from '@/features/auth/session';
import { useMe } from '@/features/profile/hooks/use-me';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
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


/** Which of the organisations this person onboards a workspace page is about: the first until they pick another. */
export function useManagedOrgChoice(signedIn: boolean): { options: OrgOption[]; orgId: string | undefined; choose: (orgId: string) => void } {
  const { user } = useSession();
  const me = useMe(signedIn);
  const tree = useOrgTree(signedIn);
  const who = me.data ?? user;
  const options = who && tree.data ? managedOrgs(who, tree.data) : [];
  const [chosen, choose] = useState<string>();
  return { options, orgId: chosen ?? options[0]?.id, choose };
}
