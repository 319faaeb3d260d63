import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import { ACCESS_KEY, type AccessRule } from './access.decorator';
import { hasRole, type AuthUser } from './auth-user';
import { PRINCIPAL_LOADER, type PrincipalLoader } from './principal';
import { TokenService } from './token.service';

/**
 * The one global guard. A route without @Public/@Authenticated is refused (and a test lists any such route),
 * so forgetting to declare access can never open a route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new AppError('FORBIDDEN');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED');
    const token = await this.tokens.verify(match[1]);

    // One read of the person's row serves roles, the session generation and the disabled flag.
    // The token's `kind` is deliberately not consulted: roles from the database decide (see TokenKind).
    const loaded = await this.principals.load(token.userId);
    if (!loaded) throw new AppError('TOKEN_INVALID');
    if (loaded.disabled) throw new AppError('ACCOUNT_DISABLED');
    if (loaded.tokenVersion !== token.version) throw new AppError('SESSION_REVOKED');
    const user = loaded.user;
    if (rule.roles.length > 0 && !rule.roles.some((role) => hasRole(user, role))) {
      throw new AppError('FORBIDDEN');
    }
    request.user = user;
    return true;
  }
}
