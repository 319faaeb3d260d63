import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AuthGuard, type GuardedRequest } from './auth.guard';

/**
 * Lets the answer of a `confirmInQuery` read out only once its principal is confirmed (see PrincipalProof):
 * - the handler's query saw the same stamp: the answer (or the handler's error) goes out as it is;
 * - it saw another stamp, or no row carried the column: the person is read in full and checked as the guard
 *   would (401 / 403 thrown here); if they changed, the handler runs again with the fresh principal (the route
 *   is a read, so running it twice changes nothing), else the first answer goes out.
 * Requests without a proof pass straight through.
 */
@Injectable()
export class PrincipalProofInterceptor implements NestInterceptor {
  constructor(private readonly guard: AuthGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const proof = request.user?.proof;
    const pending = request.pendingAdmission;
    if (!proof || !pending) return next.handle();
    const run = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    return from(
      (async () => {
        let outcome: { value: unknown } | { error: unknown };
        try {
          outcome = { value: await run() };
        } catch (error) {
          outcome = { error };
        }
        if (proof.state !== 'confirmed') {
          const fresh = await this.guard.admit(pending.token, pending.rule);
          request.pendingAdmission = undefined;
          request.user = fresh.user;
          if (proof.state === 'changed' || fresh.stamp !== proof.stamp) return run();
        }
        if ('error' in outcome) throw outcome.error;
        return outcome.value;
      })(),
    );
  }
}
