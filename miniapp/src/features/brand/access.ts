import type { MeResponse } from '@torch-red/shared';

/** The organisations whose brand this person edits: those they are secretary of. */
export function brandOrgIds(me: Pick<MeResponse, 'roles'> | null | undefined): string[] {
  const ids = (me?.roles ?? []).filter((grant) => grant.role === 'SECRETARY' && grant.orgId !== undefined).map((grant) => grant.orgId as string);
  return [...new Set(ids)];
}

/** Industry committee staff and admins review submitted brands. */
export function canReviewBrands(me: Pick<MeResponse, 'roles'> | null | undefined): boolean {
  return me?.roles.some((grant) => grant.role === 'COMMITTEE' || grant.role === 'ADMIN') ?? false;
}
