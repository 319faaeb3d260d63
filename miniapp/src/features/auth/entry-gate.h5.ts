import { ROUTES } from '@/services/routes';
import { getAccessToken } from '@/services/token-storage';
import type { sendVisitorsToSignIn as weappSendVisitorsToSignIn } from './entry-gate';

/**
 * A browser without a session opens on the sign-in page, whatever address it came to: every other page
 * needs a session. This runs while app.ts is imported, before Taro's router reads the address, so the
 * page the address named (the home page at `/`) is never fetched, rendered and then redirected.
 */
export const sendVisitorsToSignIn: typeof weappSendVisitorsToSignIn = () => {
  if (getAccessToken() !== null) return;
  const { hash, pathname, search } = window.location;
  if (hash.startsWith(`#${ROUTES.login}`)) return;
  window.history.replaceState(window.history.state, '', `${pathname}${search}#${ROUTES.login}`);
};
