import type { MeResponse } from '@torch-red/shared';
import { refreshSessionUser } from '@/features/auth/session';
import { writeCache } from '@/hooks/query-cache';

/** After a binding: every page that reads the person (首页's branch, 我的, 企业吹哨) sees the new facts at once. */
export function rememberMe(me: MeResponse): void {
  writeCache('me', me);
  refreshSessionUser(me);
}
