import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { h5StaticOptions, registerApiCompression } from './common/http/compression';
import { registerSecurityHeaders } from './common/http/security-headers';
import { createLogger, PinoNestLogger, registerRequestLogging } from './common/logging/request-log';
import { answerClientError, answerFrameworkError } from './common/errors/http-errors';
import { nestsDeeperThan } from './common/validation/body-depth';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppError } from './common/errors/app-error';
import { buildApiDocument } from './common/openapi/api-document';
import type { AppConfig } from './config/app-config';
import { runMigrations } from './database/migrate';
import { acquireSqliteLock } from './database/sqlite-lock';
import { waitForDatabase } from './database/wait-for-database';
import { AuthService } from './modules/auth/auth.service';
import { DemoSeedService } from './modules/seed/demo-seed.service';

/**
 * API answers carry personal data (names, masked phones, roles), so no browser, proxy or WebView cache may
 * keep them: every /api response gets `no-store` up front, and the few that may be cached (files, images)
 * replace it with their own Cache-Control. A callback hook on the request, not an async one on the answer:
 * no promise per request.
 */
function addNoStoreHook(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done();
  });
}

export interface CreateAppOptions {
  /** Replace providers, e.g. to point the WeChat client at a fake; tests only. */
  configure?: Parameters<typeof NestFactory.create>[1];
  bufferLogs?: boolean;
  /** Tests only: runs before the app is ready, e.g. to add Fastify hooks that check every response. */
  instrument?: (app: NestFastifyApplication) => void;
}

/** Builds the whole app (used by main.ts and by the e2e tests): migrations, first admin, demo seed, HTTP pipeline. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // Before Nest starts (its logs are buffered until the app exists): one process per SQLite file,
  // and a MySQL that answers, said out loud on every attempt while it does not.
  const sqliteLock = config.database.type === 'better-sqlite3' ? acquireSqliteLock(config.database.path) : undefined;
  try {
    await waitForDatabase(config);
    return await buildApp(config, options, () => sqliteLock?.release());
  } catch (err) {
    sqliteLock?.release();
    throw err;
  }
}

async function buildApp(config: AppConfig, options: CreateAppOptions, onClose: () => void): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // Errors raised before Nest sees the request get the same error body as everything else.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  // abortOnError: false so a failed start reaches main.ts as one `Failed to start: …` line
  // instead of a dump of buffered logs and a stack trace.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  const logger = createLogger(config.logLevel);
  app.useLogger(new PinoNestLogger(logger));
  app.flushLogs();
  app.getHttpAdapter().getInstance().addHook('onClose', async () => onClose());

  const dataSource = app.get<DataSource>(getDataSourceToken());
  await runMigrations(dataSource);
  await app.get(AuthService).ensureFirstAdmin();
  if (config.seedDemo) await app.get(DemoSeedService).seedIfEmpty();

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLogging(fastify, logger);
  // Bodies nested absurdly deep would exhaust the stack in validation: refuse them up front.
  fastify.addHook('preValidation', (request, _reply, done) => {
    done(nestsDeeperThan(request.body, 16) ? new AppError('VALIDATION_FAILED', '提交的内容嵌套层级过深') : undefined);
  });
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 10, fields: 20 } });
  await registerApiCompression(app);
  addNoStoreHook(fastify);

  // The API description is a map for attackers as much as for developers: opt-in in production (API_DOCS=1).
  if (config.apiDocs) SwaggerModule.setup('api/docs', app, buildApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  if (existsSync(join(config.h5Dir, 'index.html'))) {
    await app.register(fastifyStatic, h5StaticOptions(config.h5Dir));
  } else {
    app.getHttpAdapter().get('/', (_req, reply: { type: (t: string) => { send: (b: string) => void } }) => {
      reply.type('text/html; charset=utf-8').send('<p>火炬红 API 已启动。H5 应用尚未构建：请运行 <code>pnpm build</code>。API 文档见 <a href="/api/docs">/api/docs</a>。</p>');
    });
  }

  options.instrument?.(app);
  await app.init();
  await fastify.ready();
  return app;
}
