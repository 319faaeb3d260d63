import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { FastifyInstance } from 'fastify';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;

/** One real response, as the server sent it. */
export interface ObservedResponse {
  method: string;
  /** The matched route's pattern (`/api/activities/:id`), or undefined when no route matched. */
  route: string | undefined;
  url: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

/**
 * Checks real responses against the API description (/api/docs-json): the status must be one the operation
 * documents, a JSON body must match its schema (the shared types: no missing, extra or mistyped field), a
 * file its media type, a documented empty answer must be empty; errors must be `ErrorResponse`. Every e2e
 * suite's app carries one (test-app.ts), so each real response of every suite is a contract check.
 */
export class ResponseContract {
  /** Distinct violations, each with how often it was seen. */
  readonly violations = new Map<string, number>();
  checked = 0;
  /** Operations seen answering, as `GET /api/activities/{id} 200`. */
  readonly seen = new Set<string>();
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    this.ajv.addSchema({ $id: 'openapi.json', components: document.components });
  }

  /** Checks every response the app sends (add before the app is ready). */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onSend', async (request, reply, payload) => {
      try {
        const contentType = reply.getHeader('content-type');
        const problem = this.check({
          method: request.method,
          route: request.routeOptions.url,
          url: request.url,
          status: reply.statusCode,
          contentType: typeof contentType === 'string' ? contentType : undefined,
          body: payload,
        });
        if (problem) this.violations.set(problem, (this.violations.get(problem) ?? 0) + 1);
      } catch (error) {
        this.violations.set(`${request.method} ${request.url}: the check failed: ${String(error)}`, 1);
      }
      return payload;
    });
  }

  /** Why this response breaks the contract, or undefined when it keeps it. */
  check(response: ObservedResponse): string | undefined {
    const { method, status } = response;
    if (method === 'HEAD' || method === 'OPTIONS' || !response.url.startsWith('/api/') || response.url.startsWith('/api/docs')) return undefined;
    this.checked++;
    const path = response.route?.replace(/:(\w+)/g, '{$1}');
    const operation = path ? (this.document.paths[path]?.[method.toLowerCase() as 'get'] as OperationObject | undefined) : undefined;
    const where = `${method} ${path ?? response.url} → ${status}`;
    if (operation) this.seen.add(`${method} ${path} ${status}`);
    if (!operation && status < 400) return `${where}: the route is not in the API description`;
    const documented = operation?.responses[String(status)] ?? (status >= 400 ? (operation?.responses.default ?? this.errorResponse()) : undefined);
    if (!documented || !('description' in documented)) return `${where}: the status is not documented (documented: ${Object.keys(operation?.responses ?? {}).join(', ')})`;
    const content = (documented as ResponseObject).content;
    const text = bodyText(response.body);
    if (!content) return text ? `${where}: documented without a body, but answered ${text.slice(0, 120)}` : undefined;
    const json = content['application/json'];
    const mediaType = response.contentType?.split(';')[0].trim().toLowerCase();
    if (!json) {
      return mediaType && mediaType in content ? undefined : `${where}: answered ${mediaType ?? 'no content type'}, documented ${Object.keys(content).join(', ')}`;
    }
    if (mediaType !== 'application/json') return `${where}: answered ${mediaType ?? 'no content type'}, documented application/json`;
    let body: unknown;
    try {
      body = JSON.parse(text ?? '');
    } catch {
      return `${where}: the body is not JSON: ${(text ?? '').slice(0, 120)}`;
    }
    const validate = this.validator(`${path ?? '*'} ${method} ${status}`, json.schema as object);
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`);
    return `${where}: ${errors.join('; ')}`;
  }

  /** Compiles the schema of every documented JSON response (so every $ref resolves); returns how many. */
  compileAll(): number {
    let count = 0;
    for (const [path, item] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, OperationObject>)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const schema = response && 'content' in response ? response.content?.['application/json']?.schema : undefined;
          if (!schema) continue;
          this.validator(`${path} ${method.toUpperCase()} ${status}`, schema as object);
          count++;
        }
      }
    }
    return count;
  }

  /** A readable list of the violations, or undefined when there are none. */
  report(): string | undefined {
    if (this.violations.size === 0) return undefined;
    const lines = [...this.violations].map(([problem, times]) => `  - ${problem}${times > 1 ? ` (${times}×)` : ''}`);
    return `${this.violations.size} response(s) broke the API description (/api/docs-json, from the shared types):\n${lines.join('\n')}`;
  }

  private errorResponse(): ResponseObject {
    return { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(relink(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** Points `#/components/…` references at the document added as `openapi.json`. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' && inner.startsWith('#/') ? `openapi.json${inner}` : relink(inner)]),
  );
}

function bodyText(payload: unknown): string | undefined {
  if (payload === null || payload === undefined) return undefined;
  if (typeof payload === 'string') return payload === '' ? undefined : payload;
  if (Buffer.isBuffer(payload)) return payload.length === 0 ? undefined : payload.toString('utf8');
  return '[stream]';
}
