import { useSyncExternalStore } from 'react';
import type { LoginResponse, MeResponse } from '@torch-red/shared';
import { clearAccessToken, getAccessToken, onAccessTokenChange, setAccessToken } from '@/services/token-storage';

export interface SessionState {
  signedIn: boolean;
  /** The person as of sign-in in this run (null after a restart): shown until /api/me answers. */
  user: MeResponse | null;
}

let state: SessionState = { signedIn: getAccessToken() !== null, user: null };
const listeners = new Set<() => void>();

function update(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

onAccessTokenChange((token) => {
  if (token === null && state.signedIn) {
    update({ signedIn: false, user: null });
  }
});

export function startSession({ accessToken, user }: LoginResponse): void {
  setAccessToken(accessToken);
  update({ signedIn: true, user });
}

/** The person changed (bound to a roster, joined an org): pages showing the session's copy update. */
export function refreshSessionUser(user: MeResponse): void {
  if (state.signedIn) update({ ...state, user });
}

export function endSession(): void {
  clearAccessToken();
  update({ signedIn: false, user: null });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}
