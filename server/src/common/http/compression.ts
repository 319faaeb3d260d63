import compress from '@fastify/compress';
import type { FastifyStaticOptions } from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** JSON bodies smaller than this go out as they are: compressing them saves less than the headers cost. */
export const JSON_COMPRESSION_THRESHOLD = 1024;

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json(?:;|$)/i;

/**
 * `/api` answers that are JSON of 1 KB or more go out brotli- or gzip-compressed, as the client accepts.
 * Nothing else is touched: H5 files are compressed once at build time (see `h5StaticOptions`), and files,
 * images and `.xlsx` exports keep their bytes, `Content-Length` and `Cache-Control` (their types are not
 * JSON). Request bodies are never decompressed, so the body limit keeps counting what arrives.
 *
 * Call before the routes exist (before `app.init()`): the plugin attaches itself to each route as it is
 * added.
 */
export async function registerApiCompression(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Runs before the plugin's own onRoute hook (registered below): routes outside /api opt out.
  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && route.url !== '/api') route.compress = false;
  });
  await app.register(compress, {
    threshold: JSON_COMPRESSION_THRESHOLD,
    encodings: ['br', 'gzip'],
    customTypes: (type: string) => JSON_TYPE.test(type),
    globalDecompression: false,
  });
}

/** The precompressed siblings the H5 build writes next to each text asset (miniapp/tools/precompress.mjs). */
const PRECOMPRESSED = /\.(br|gz)$/;

/**
 * The H5 app's files: `index.html` always revalidated, hashed assets cached for a week, and each served as
 * its `.br` or `.gz` sibling when the browser accepts it (with `Vary: Accept-Encoding`). The siblings are
 * not routes of their own.
 */
export function h5StaticOptions(root: string): FastifyStaticOptions {
  return {
    root,
    prefix: '/',
    wildcard: false,
    decorateReply: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (res, path) => {
      const file = path.replace(PRECOMPRESSED, '');
      void res.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=604800');
    },
  };
}
