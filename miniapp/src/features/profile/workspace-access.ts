import type { MeResponse, Role } from '@torch-red/shared';

const WORKSPACE_ROLES: readonly Role[] = ['SECRETARY', 'COMMITTEE', 'ADMIN'];

/** Secretaries, committee staff and admins run activities in the workspace. */
export function canUseWorkspace(me: Pick<MeResponse, 'roles'> | null | undefined): boolean {
  return me?.roles.some((grant) => WORKSPACE_ROLES.includes(grant.role)) ?? false;
}

/** How the activity workspace is named for this person: it holds every org's activities for admins, the
 *  committee's tree for committee staff, and the secretary's own org otherwise. */
export interface WorkspaceScope {
  /** 我的's entry (with its one-character sign) and the page's title bar. */
  entry: string;
  icon: string;
  title: string;
  subtitle: string;
}

export function workspaceScope(me: Pick<MeResponse, 'roles'> | null | undefined): WorkspaceScope {
  const has = (role: Role) => me?.roles.some((grant) => grant.role === role) ?? false;
  if (has('ADMIN')) return { entry: '活动管理', icon: '管', title: '全部组织活动', subtitle: '各组织的草稿、已发布与已取消的活动都在这里' };
  if (has('COMMITTEE')) return { entry: '活动管理', icon: '管', title: '所辖组织活动', subtitle: '本党委及所属支部的草稿、已发布与已取消的活动' };
  return { entry: '书记工作台', icon: '书', title: '本组织活动', subtitle: '草稿、已发布与已取消的活动都在这里' };
}
