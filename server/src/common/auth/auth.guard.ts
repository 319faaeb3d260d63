import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoleGrantEntity } from '../../modules/user/role-grant.entity';
import { UserEntity } from '../../modules/user/user.entity';
import { AppError } from '../errors/app-error';
import { ACCESS_KEY, type AccessRule } from './access.decorator';
import { hasRole, type AuthUser } from './auth-user';
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
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
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
    const loaded = await this.loadUser(token.userId);
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

  private async loadUser(userId: number): Promise<{ user: AuthUser; tokenVersion: number; disabled: boolean } | null> {
    const [user, grants] = await Promise.all([this.users.findOneBy({ id: userId }), this.grants.findBy({ userId })]);
    if (!user) return null;
    return {
      tokenVersion: user.tokenVersion,
      disabled: user.disabledAt !== null,
      user: {
        id: user.id,
        name: user.name,
        orgId: user.orgId,
        enterpriseId: user.enterpriseId,
        grants: grants.map((g) => ({ id: g.id, role: g.role, orgId: g.orgId, departmentId: g.departmentId })),
        isAdmin: grants.some((g) => g.role === 'ADMIN'),
      },
    };
  }
}
