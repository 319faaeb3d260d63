import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@torch-red/shared';
import type { AuthUser } from './auth-user';
import { confirmsPrincipal } from './confirm-in-query';

export const ACCESS_KEY = 'torch-red:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated'; roles: Role[]; confirmInQuery?: boolean };

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * A signed-in person; with roles, one who holds at least one of them (admins always pass).
 * Object-level checks ("this person and this object") still happen in the service via AccessPolicy.
 * `confirmInQuery` (hot GET reads only, on a handler that takes @CurrentUser(); ignored for any other method):
 * the handler's first query confirms the principal in its own round trip instead of the guard reading it
 * first (see PrincipalProof and confirm-in-query.ts).
 */
export const Authenticated = (options: { roles?: Role[]; confirmInQuery?: boolean } = {}): MethodDecorator & ClassDecorator => {
  const rule = { kind: 'authenticated', roles: options.roles ?? [], ...(options.confirmInQuery ? { confirmInQuery: true } : {}) } satisfies AccessRule;
  // The wrapper goes first: the metadata below lands on the function Nest will call.
  return applyDecorators(...(options.confirmInQuery ? [confirmsPrincipal(currentUser)] : []), SetMetadata(ACCESS_KEY, rule), ApiBearerAuth());
};

function currentUser(_data: unknown, ctx: ExecutionContext): AuthUser {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without @Authenticated');
  return request.user;
}

export const CurrentUser = createParamDecorator(currentUser);
