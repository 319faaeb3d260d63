import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { AuthUser } from './auth-user';

type Handler = (this: unknown, ...args: unknown[]) => unknown;
type ParamFactory = (...args: never[]) => unknown;

/**
 * The method half of `@Authenticated({ confirmInQuery: true })`: wraps the handler so its answer (or its
 * error) leaves only once the caller's principal is confirmed (see PrincipalProof). When the guard did a full
 * read there is no proof and the handler runs as it is. Otherwise, after the handler ran, `proof.settle()`
 * either confirms it (the database saw the same stamp), or reads the person in full — throwing the guard's
 * 401 / 403 — and, if the principal changed, the handler runs again with the fresh one (these routes are reads,
 * so running twice changes nothing).
 *
 * A plain function around the handler, not a Nest interceptor: one global interceptor puts every request of
 * every route through rxjs (measured with scripts/bench/activity-list.mjs: about a sixth of a hot read's CPU).
 *
 * The handler must take the caller with `currentUser` (the param decorator whose factory is given): that is
 * where the proof travels and where the fresh principal goes on a second run. Checked when the class is
 * defined (parameter decorators are applied before method decorators), so a route cannot opt in without it.
 */
export function confirmsPrincipal(currentUser: ParamFactory): MethodDecorator {
  return (target, key, descriptor) => {
    const original = descriptor?.value as unknown as Handler | undefined;
    if (typeof original !== 'function') throw new Error('confirmInQuery is for a route handler, not a class');
    const params = (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? {}) as Record<string, { index: number; factory?: unknown }>;
    const index = Object.values(params).find((p) => p.factory === currentUser)?.index;
    if (index === undefined) throw new Error(`${target.constructor.name}.${String(key)}: confirmInQuery needs the caller as a @CurrentUser() parameter`);

    const confirming: Handler = async function (this: unknown, ...args: unknown[]) {
      const proof = (args[index] as AuthUser | undefined)?.proof;
      if (!proof) return original.apply(this, args);
      let outcome: { value: unknown } | { error: unknown };
      try {
        outcome = { value: await original.apply(this, args) };
      } catch (error) {
        outcome = { error };
      }
      const fresh = await proof.settle();
      if (fresh) {
        args[index] = fresh;
        return original.apply(this, args);
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    };
    // Metadata that decorators below this one put on the original function (route path, OpenAPI) moves along.
    for (const metadataKey of Reflect.getOwnMetadataKeys(original)) {
      Reflect.defineMetadata(metadataKey, Reflect.getOwnMetadata(metadataKey, original), confirming);
    }
    Object.defineProperty(confirming, 'name', { value: original.name });
    (descriptor as TypedPropertyDescriptor<unknown>).value = confirming;
  };
}
