import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import { ACCESS_KEY, type AccessRule } from './access.decorator';
import { hasRole, type AuthUser } from './auth-user';
import { PRINCIPAL_LOADER, PrincipalProof, type LoadedPrincipal, type PrincipalLoader } from './principal';
import { TokenService, type VerifiedToken } from './token.service';

type AuthenticatedRule = Extract<AccessRule, { kind: 'authenticated' }>;

export interface GuardedRequest {
  method?: string;
  headers: Record<string, string | undefined>;
  user?: AuthUser;
}

const RECENT_PRINCIPALS = 10_000;

/**
 * The one global guard. A route without @Public/@Authenticated is refused (and a test lists any such route),
 * so forgetting to declare access can never open a route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Each person's principal as this process last read it in full: never trusted on its own, only handed to
   * `confirmInQuery` reads as a PrincipalProof that the database confirms in the same request. Oldest out first.
   */
  private readonly recent = new Map<number, LoadedPrincipal>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new AppError('FORBIDDEN');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED');
    const token = await this.tokens.verify(match[1]);

    if (rule.confirmInQuery && request.method === 'GET') {
      const last = this.recent.get(token.userId);
      // Only a principal that would pass is handed on; anything else is decided by a full read below.
      if (last && !refusal(last, token, rule)) {
        request.user = { ...last.user, proof: new PrincipalProof(token.userId, last.stamp, this.principals.stampSql, () => this.admit(token, rule)) };
        return true;
      }
    }
    request.user = (await this.admit(token, rule)).user;
    return true;
  }

  /**
   * One read of the person's row serves roles, the session generation and the disabled flag; throws unless
   * the person may use this route. The token's `kind` is deliberately not consulted: roles from the database
   * decide (see TokenKind).
   */
  async admit(token: VerifiedToken, rule: AuthenticatedRule): Promise<LoadedPrincipal> {
    const loaded = await this.principals.load(token.userId);
    if (!loaded) {
      this.recent.delete(token.userId);
      throw new AppError('TOKEN_INVALID');
    }
    this.remember(token.userId, loaded);
    const refused = refusal(loaded, token, rule);
    if (refused) throw new AppError(refused);
    return loaded;
  }

  /** The principal a full read found, for the next `confirmInQuery` request of the person. */
  private remember(userId: number, loaded: LoadedPrincipal): void {
    this.recent.delete(userId);
    if (this.recent.size >= RECENT_PRINCIPALS) this.recent.delete(this.recent.keys().next().value as number);
    this.recent.set(userId, loaded);
  }
}

/** Why this principal may not use the route with this token, or null when it may. */
function refusal(loaded: LoadedPrincipal, token: VerifiedToken, rule: AuthenticatedRule): 'ACCOUNT_DISABLED' | 'SESSION_REVOKED' | 'FORBIDDEN' | null {
  if (loaded.disabled) return 'ACCOUNT_DISABLED';
  if (loaded.tokenVersion !== token.version) return 'SESSION_REVOKED';
  if (rule.roles.length > 0 && !rule.roles.some((role) => hasRole(loaded.user, role))) return 'FORBIDDEN';
  return null;
}
