import type { AuthUser } from './auth-user';

/** The caller as the guard needs them: who they are, their roles, and whether their token is still good. */
export interface LoadedPrincipal {
  user: AuthUser;
  /** Bumped to end every session of the person (logout, disable, password change). */
  tokenVersion: number;
  disabled: boolean;
  /**
   * Everything the principal is made of (session generation, disabled flag, name, org, enterprise, every grant,
   * the org tree's counter) as one string the database computes with `PrincipalLoader.stampSql`: equal stamps,
   * equal principals.
   */
  stamp: string;
}

/**
 * How the guard reads a person and their roles; implemented by the user module, so `common/` knows no
 * feature's tables. Called on every authenticated request: one round trip.
 */
export interface PrincipalLoader {
  load(userId: number): Promise<LoadedPrincipal | null>;
  /**
   * A scalar subquery with one `?` (the person's id) whose value is the person's current `stamp` (NULL for no
   * such person): a hot read adds it as a column to confirm a principal in its own round trip (PrincipalProof).
   */
  readonly stampSql: string;
}

export const PRINCIPAL_LOADER = Symbol('PRINCIPAL_LOADER');

/** The column a hot read returns the stamp in. */
export const PRINCIPAL_STAMP_COLUMN = 'principalStamp';

/**
 * A principal the guard took from this process's last full read of the person, still to be confirmed by the
 * database in this request. Only read-only routes that opt in (`@Authenticated({ confirmInQuery: true })`) get
 * one. The handler's first query adds `column()` (the stamp as the database has it now) and hands the value
 * to `record`; the handler's wrapper (confirm-in-query.ts) then lets the answer out only when it equals `stamp`;
 * otherwise (person changed, or the query returned no row to carry the column) `settle` reads the person in
 * full, applies the guard's checks and the handler runs again with the fresh principal. So a revoked session, a
 * removed role or a moved organisation counts on the very next request, as with a full read, in one round trip
 * instead of two.
 */
export class PrincipalProof {
  private seen: string | null | undefined;

  constructor(
    readonly userId: number,
    readonly stamp: string,
    private readonly sql: string,
    /** The guard's full read and checks for this request's token and route (throws 401 / 403). */
    private readonly readInFull: () => Promise<LoadedPrincipal>,
  ) {}

  /** A SELECT-list item and its parameter (which comes before the WHERE clause's). */
  column(): { sql: string; param: number } {
    return { sql: `${this.sql} AS ${PRINCIPAL_STAMP_COLUMN}`, param: this.userId };
  }

  /** The value the query returned for `column()`; the first one counts. */
  record(value: unknown): void {
    if (this.seen === undefined) this.seen = value === null || value === undefined ? null : String(value);
  }

  /** `confirmed` when the database saw the same principal; `unread` when no row carried the column. */
  get state(): 'unread' | 'confirmed' | 'changed' {
    if (this.seen === undefined) return 'unread';
    return this.seen === this.stamp ? 'confirmed' : 'changed';
  }

  /**
   * Once the handler has run: null when the database confirmed the principal (its answer may go out);
   * otherwise the person is read in full and checked as the guard would (401 / 403 thrown here), and the fresh
   * principal is returned when it differs from the remembered one (the handler must run again with it), null
   * when it does not.
   */
  async settle(): Promise<AuthUser | null> {
    if (this.state === 'confirmed') return null;
    const fresh = await this.readInFull();
    return this.state === 'changed' || fresh.stamp !== this.stamp ? fresh.user : null;
  }
}
