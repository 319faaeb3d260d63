import type { FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';

/**
 * True when the client hung up before its request was read or answered (a closed tab, a lost
 * connection): nobody is left to answer, so the error this caused is not a server fault and is logged
 * quietly. Decided by the state of the request, never by an error code alone (a database connection
 * reset is also ECONNRESET); database errors are always reported as such.
 */
export function isClientAbort(exception: unknown, request?: Pick<FastifyRequest, 'raw'>): boolean {
  if (exception instanceof QueryFailedError) return false;
  const raw = request?.raw;
  return !!raw && (raw.readableAborted || raw.socket?.destroyed === true);
}
