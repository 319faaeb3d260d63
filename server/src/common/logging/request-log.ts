import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';

/**
 * One pino logger for the process: Nest's own messages and one line per answered request.
 *
 * Requests are logged from a Fastify `onResponse` hook, not from an Express-style middleware with a per-request
 * child logger held in AsyncLocalStorage: on Node 20 AsyncLocalStorage turns on a promise hook that every
 * promise of every request then pays for (about 10 % of a read's CPU under load, measured with
 * scripts/bench/activity-list.mjs), and nothing here logs from deep inside a request that needs it.
 */
export function createLogger(level: string): Logger {
  // Personal data stays out of logs: the request line carries no headers, bodies or query strings.
  return pino({ level });
}

/** What is logged of a request: id, method, path without the query string, status and time taken. */
export function registerRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    if (url !== '/api/health' && url !== '/api/health/live') {
      const query = url.indexOf('?');
      logger.info(
        {
          req: { id: request.id, method: request.method, path: query < 0 ? url : url.slice(0, query) },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}

/** Nest's logger interface over the same pino logger (context as a field, like nestjs-pino wrote it). */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes `(message, context)` or, for errors, `(message, stack, context)`. */
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const strings = rest.filter((r): r is string => typeof r === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const stack = level === 'error' && strings.length > 1 ? strings[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
