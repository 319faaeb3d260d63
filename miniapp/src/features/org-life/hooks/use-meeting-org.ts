import { useEffect, useState } from 'react';
import type { OrgTreeNode } from '@torch-red/shared';
import { useSession } from '@/features/auth/session';
import { useMe } from '@/features/profile/hooks/use-me';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { meetingOrgs, type MeetingOrgOption } from '../access';

function nameOf(nodes: OrgTreeNode[], id: string): string | undefined {
  for (const node of nodes) {
    if (node.id === id) return node.name;
    const below = nameOf(node.children, id);
    if (below) return below;
  }
  return undefined;
}

export interface MeetingOrgState {
  /** The branches this person keeps records for. */
  options: MeetingOrgOption[];
  orgId: string | undefined;
  orgName: string | undefined;
  setOrgId: (orgId: string) => void;
  /** The tree has answered (so an empty `options` means: none). */
  ready: boolean;
}

/** Which branch a 组织生活 page is about: `?orgId=` when given (a reminder's link), else the first one the person keeps. */
export function useMeetingOrg(signedIn: boolean, initial?: string): MeetingOrgState {
  const { user } = useSession();
  const me = useMe(signedIn);
  const tree = useOrgTree(signedIn);
  const options = tree.data ? meetingOrgs(me.data ?? user, tree.data) : [];
  const [orgId, setOrgId] = useState<string | undefined>(initial);
  const first = options[0]?.id;
  useEffect(() => {
    if (!orgId && first) setOrgId(first);
  }, [orgId, first]);
  const orgName = orgId && tree.data ? nameOf(tree.data, orgId) : undefined;
  return { options, orgId, orgName, setOrgId, ready: tree.data !== undefined };
}
