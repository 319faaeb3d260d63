import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorCode, type ErrorResponse } from '@torch-red/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, isUniqueViolation } from '../../database/db-errors';
import { AppError, httpStatusOf } from './app-error';
import { isClientAbort } from './client-abort';
import { inputErrorOf } from './db-input-errors';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'DB_UNAVAILABLE',
};

/** Maps any thrown value to the stable error body; never leaks a stack trace. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof AppError) {
    const body: ErrorResponse = { statusCode: httpStatusOf(exception.code), code: exception.code, message: exception.message };
    if (exception.details !== undefined) body.details = exception.details;
    return body;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === HttpStatus.NOT_FOUND && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(exception.message)) {
      return { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: ERROR_MESSAGES.ROUTE_NOT_FOUND };
    }
    if (status === HttpStatus.BAD_REQUEST && /JSON|Unexpected token|Unexpected end/i.test(exception.message)) {
      return { statusCode: 400, code: 'BAD_JSON', message: ERROR_MESSAGES.BAD_JSON };
    }
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    return { statusCode: status >= 500 ? 500 : status, code, message: ERROR_MESSAGES[code] };
  }
  const fastifyError = exception as FastifyLikeError;
  if (typeof fastifyError?.code === 'string' && fastifyError.code.startsWith('FST_')) {
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return { statusCode: 400, code: 'BAD_JSON', message: ERROR_MESSAGES.BAD_JSON };
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE };
      case 'FST_ERR_BAD_URL':
        return { statusCode: 400, code: 'BAD_REQUEST', message: ERROR_MESSAGES.BAD_REQUEST };
      case 'FST_ERR_MAX_PARAM_LENGTH':
        return { statusCode: 414, code: 'URI_TOO_LONG', message: ERROR_MESSAGES.URI_TOO_LONG };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: ERROR_MESSAGES.UNSUPPORTED_MEDIA_TYPE };
      default:
        if (fastifyError.statusCode && fastifyError.statusCode < 500) {
          const code = STATUS_CODES[fastifyError.statusCode] ?? 'VALIDATION_FAILED';
          return { statusCode: fastifyError.statusCode, code, message: ERROR_MESSAGES[code] };
        }
    }
  }
  if (exception instanceof SyntaxError && /JSON/.test(exception.message)) {
    return { statusCode: 400, code: 'BAD_JSON', message: ERROR_MESSAGES.BAD_JSON };
  }
  if (isUniqueViolation(exception)) {
    return { statusCode: 409, code: 'CONFLICT', message: ERROR_MESSAGES.CONFLICT };
  }
  const inputError = inputErrorOf(exception);
  if (inputError) return { statusCode: httpStatusOf(inputError), code: inputError, message: ERROR_MESSAGES[inputError] };
  // The database is unreachable, dropped the connection, timed out or is locked: temporary, try again.
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, code: 'DB_UNAVAILABLE', message: ERROR_MESSAGES.DB_UNAVAILABLE };
  }
  return { statusCode: 500, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    if (isClientAbort(exception, request)) {
      // The client hung up mid-request: nobody reads the answer, and it is not a server fault.
      this.logger.log(`Client closed the connection before the request was answered (${request?.method ?? '?'} ${request?.routeOptions?.url ?? '?'})`);
      const reply = host.switchToHttp().getResponse<FastifyReply>();
      if (!reply.sent && !reply.raw.destroyed) void reply.status(400).send({ statusCode: 400, code: 'BAD_REQUEST', message: ERROR_MESSAGES.BAD_REQUEST });
      return;
    }
    const body = toErrorResponse(exception);
    if (inputErrorOf(exception)) {
      // A missing service check: the database refused the input. Answered as 4xx, but worth fixing.
      this.logger.warn(`Database refused the input: ${(exception as Error).message}`);
    }
    if (body.statusCode >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${err.name}: ${err.message}`, err.stack);
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
