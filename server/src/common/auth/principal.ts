import type { AuthUser } from './auth-user';

/** The caller as the guard needs them: who they are, their roles, and whether their token is still good. */
export interface LoadedPrincipal {
  user: AuthUser;
  /** Bumped to end every session of the person (logout, disable, password change). */
  tokenVersion: number;
  disabled: boolean;
}

/**
 * How the guard reads a person and their roles; implemented by the user module, so `common/` knows no
 * feature's tables. Called on every authenticated request: one round trip.
 */
export interface PrincipalLoader {
  load(userId: number): Promise<LoadedPrincipal | null>;
}

export const PRINCIPAL_LOADER = Symbol('PRINCIPAL_LOADER');
