import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';

type JsonSchema = Record<string, unknown>;

/**
 * `dist/api-schemas.json` of @torch-red/shared (written by its build, see shared/scripts/api-schemas.mjs): for
 * each route of the shared route table, keyed `GET /api/activities/{}`, the JSON Schema of its response
 * (`json`), the media types of a file response (`file`), or neither for no body; `schemas` are the named types.
 */
export interface ApiSchemas {
  routes: Record<string, { name: string; json?: JsonSchema; file?: string[] }>;
  schemas: Record<string, JsonSchema>;
}

export function loadApiSchemas(): ApiSchemas {
  let path: string;
  try {
    path = require.resolve('@torch-red/shared/api-schemas.json');
  } catch {
    throw new Error('@torch-red/shared/dist/api-schemas.json is missing: build shared first (pnpm --filter @torch-red/shared build)');
  }
  return JSON.parse(readFileSync(path, 'utf8')) as ApiSchemas;
}

/** The route-table key of an OpenAPI path (`/api/activities/{id}`) or a Fastify route (`/api/activities/:id`). */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]*\}|:\w+/g, '{}')}`;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The API description served at /api/docs: operations and request bodies from the controllers, responses
 * from the shared types. Every status a controller declares (Nest's default 200/201, @HttpCode, or
 * @ApiResponse where one route answers several) carries the route's response; any other status is an error
 * body (`default`). The e2e tests check every real response against this document.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('火炬红 Torch Red API')
      .setDescription('Member API under /api, admin API under /api/admin. Errors: { statusCode, code, message, details? }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  return documentResponses(document, loadApiSchemas());
}

export function documentResponses(document: OpenAPIObject, api: ApiSchemas): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  for (const [name, schema] of Object.entries(api.schemas)) {
    if (schemas[name]) throw new Error(`API description: the shared type ${name} has the name of a request schema`);
    schemas[name] = schema;
  }
  const error = { description: 'An error: { statusCode, code, message, details? }', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const route = operation && api.routes[routeKey(method, path)];
      if (!operation || !route) continue;
      for (const response of Object.values(operation.responses)) {
        if (!response || !('description' in response)) continue;
        if (!response.description) response.description = `API.${route.name}`;
        if (route.json) response.content = { 'application/json': { schema: route.json } };
        else if (route.file) response.content = Object.fromEntries(route.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
      }
      operation.responses.default = error;
    }
  }
  return document;
}
