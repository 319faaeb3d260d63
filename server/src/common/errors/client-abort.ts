import type { FastifyRequest } from 'fastify';

/**
 * True when the client hung up before the request was read or answered (a closed tab, a lost
 * connection). Nobody is left to answer, so this is not a server error and is logged quietly.
 */
export function isClientAbort(exception: unknown, request?: Pick<FastifyRequest, 'raw'>): boolean {
  const err = exception as { code?: unknown; message?: unknown } | null;
  if (err?.code === 'ECONNRESET' || err?.code === 'ECONNABORTED' || err?.code === 'FST_MP_PREMATURE_CLOSE' || err?.message === 'aborted') return true;
  const raw = request?.raw;
  return !!raw && (raw.readableAborted || raw.socket?.destroyed === true);
}
