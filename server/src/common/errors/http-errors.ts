import { Logger } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorCode, type ErrorResponse } from '@torch-red/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { httpStatusOf } from './app-error';
import { toErrorResponse } from './all-exceptions.filter';

const logger = new Logger('HTTP');

/**
 * Errors the router raises before any route or hook runs (a malformed URL, a route parameter over
 * `maxParamLength`): answered with the same `{ statusCode, code, message }` body as everything else,
 * without echoing the path.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body = toErrorResponse(error);
  if (body.statusCode >= 500) logger.error(`${error.code ?? error.name}: ${error.message}`);
  void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * Requests Node's HTTP parser rejects (bad Content-Length or chunking, garbage request line, headers over
 * the size limit, a header timeout) never reach Fastify: answer them on the socket with the error shape.
 * The rest of what the client sends is read and dropped, so that a client still sending its oversized
 * headers gets to read the answer instead of a connection reset.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const status = httpStatusOf(code);
  const body: ErrorResponse = { statusCode: status, code, message: ERROR_MESSAGES[code] };
  const json = JSON.stringify(body);
  logger.debug(`Malformed HTTP request refused with ${status} (${error.code ?? error.message})`);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.on('error', () => socket.destroy());
  socket.resume();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
  setTimeout(() => socket.destroy(), 5000).unref();
}
