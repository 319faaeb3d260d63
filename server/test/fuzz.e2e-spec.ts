import { ERROR_CODES } from '@torch-red/shared';
import sharp from 'sharp';
import { adminLogin } from './factories/auth.factory';
import { FakeWechatServer } from './support/fake-wechat';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createWorld } from './factories/world.factory';

/**
 * A bounded, schema-driven fuzz test over /api/docs-json (about 3,000 requests per database):
 * - a sweep: every body field of every operation gets null, a wrong type, a nested array and an
 *   unknown or out-of-range id, in an otherwise valid body, as the admin and as a member;
 * - then random requests for every operation: bad path ids, malformed query values, wrong or huge
 *   bodies, unknown fields, bad JSON, wrong content types, bad multipart; as admin, member or anonymous.
 * Any answer ≥ 500, or any error body that is not `{ statusCode, code, message, details? }` with a code
 * from shared/, fails the test. The server talks to a fake WeChat, so wechat-login answers 401 rather than
 * 503 WECHAT_UNAVAILABLE (by design when no credentials are configured).
 *
 * Deterministic: the seed is fixed (FUZZ_SEED overrides it to explore; FUZZ_PER_OPERATION the budget).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  $ref?: string;
  type?: string;
  enum?: Json[];
  example?: Json;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface FuzzRequest {
  method: string;
  url: string;
  persona: 'admin' | 'member' | 'anon';
  contentType?: string;
  body?: string | Buffer;
  label: string;
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 14);

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_IDS = ['0', '-1', '0x10', '1.6e1', '+16', '16.0', '016', '0b110', ' 6', '6 ', 'abc', '1e3', '9999999999999999', '99999999999999999999', '2147483648', '987654', 'NaN', 'null', '６', '1;2', '%00', '%zz', '1'.repeat(300)];
const BAD_STRINGS = ['', ' ', '\u200b'.repeat(40), '\u0000', 'a\u0000b', '\ud800', 'x\udc00', 'e\u0301', '\r\n', '<script>alert(1)</script>', "'; DROP TABLE users; --", '${7*7}', '../../etc/passwd', '2026-13-45T99:99:99+08:00', 'x'.repeat(5000), '字'.repeat(20001)];
/** encodeURIComponent throws on a lone surrogate: a URL cannot carry one (it arrives as U+FFFD). */
const encode = (text: string): string => encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'));

const BAD_VALUES: Json[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2147483648, 2 ** 53 + 2, [], [[[]]], [null], [{}], {}, { a: { b: [] } }, ...BAD_STRINGS];

describe.each(DATABASES)('schema-driven fuzz on %s', (db) => {
  let t: TestApp;
  const wechat = new FakeWechatServer();
  const auth: Record<FuzzRequest['persona'], Record<string, string>> = { admin: {}, member: {}, anon: {} };
  let doc: Doc;
  let png: Buffer;
  let adminId = '';

  beforeAll(async () => {
    // The fake WeChat answers wechat-login (otherwise 503 WECHAT_UNAVAILABLE, by design without credentials).
    const base = await wechat.start();
    t = await startTestApp(db, { WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: base });
    // One listening socket for the whole run (supertest otherwise opens and closes one per request).
    await t.app.listen(0, '127.0.0.1');
    auth.admin = await adminLogin(t);
    auth.member = (await createWorld(t)).member.auth;
    adminId = (await t.http().get('/api/me').set(auth.admin).expect(200)).body.id as string;
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Doc;
    png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#c8102e' } }).png().toBuffer();
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  it('answers every malformed request with a 4xx in the error shape, never a 5xx', async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const chance = (p: number) => random() < p;
    const resolve = (schema: Schema | undefined): Schema => {
      if (!schema?.$ref) return schema ?? {};
      return doc.components.schemas[schema.$ref.split('/').pop()!] ?? {};
    };

    const HOUR = 3600 * 1000;
    const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    /** Field names say what a valid value looks like where the schema does not (times in the future, ids). */
    const byName = (key: string): Json | undefined => {
      if (/^(startAt|visitedOn|reviewedOn)$/.test(key)) return key === 'startAt' ? inHours(48) : '2026-11-27';
      if (key === 'endAt') return inHours(50);
      if (/^(signupEndAt|cancelDeadline)$/.test(key)) return inHours(24);
      if (key === 'deadline') return inHours(72);
      if (key === 'signupStartAt') return null;
      if (/Ids$/.test(key)) return ['1'];
      if (/Id$/.test(key)) return '1';
      if (/Url$/.test(key)) return 'https://example.com/a.png';
      if (/phone/i.test(key)) return '13800000001';
      return undefined;
    };

    /** A valid-looking value, so that the one mutated field is what the server has to deal with. */
    const plausible = (raw: Schema | undefined, depth = 0, key = '', minimal = false): Json => {
      const schema = resolve(raw);
      const named = byName(key);
      if (named !== undefined) return named;
      if (schema.enum?.length) return pick(schema.enum);
      if (schema.example !== undefined) return schema.example;
      switch (schema.type) {
        case 'integer':
        case 'number':
          return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 10, 1 + Math.floor(random() * 5)));
        case 'boolean':
          return chance(0.5);
        case 'array':
          return depth > 3 ? [] : Array.from({ length: minimal ? 1 : Math.floor(random() * 2) }, () => plausible(schema.items, depth + 1, '', minimal));
        case 'string':
          return '测试内容';
        default:
          if (schema.properties && depth <= 3) {
            const out: Record<string, Json> = {};
            for (const [name, prop] of Object.entries(schema.properties)) {
              if (schema.required?.includes(name) || (!minimal && chance(0.5))) out[name] = plausible(prop, depth + 1, name, minimal);
            }
            return out;
          }
          return '测试内容';
      }
    };

    /** A value that is wrong for the schema in some way (or a plausible one, now and then). */
    const malformed = (raw: Schema | undefined): Json => {
      const schema = resolve(raw);
      if (chance(0.1)) return plausible(schema);
      if (schema.type === 'array' && chance(0.3)) return pick([[[[]]], [null], [1, 'a', {}], Array.from({ length: 500 }, () => '1'), [pick(BAD_STRINGS)]]);
      if (schema.properties && chance(0.3)) {
        const inner = plausible(schema) as Record<string, Json>;
        const key = pick(Object.keys(schema.properties));
        return { ...inner, [key]: malformed(schema.properties[key]) };
      }
      if (chance(0.25)) return pick(BAD_IDS);
      return pick(BAD_VALUES);
    };

    const requests: FuzzRequest[] = [];
    const json = (request: Omit<FuzzRequest, 'contentType' | 'body'>, body: Json): FuzzRequest => ({ ...request, contentType: 'application/json', body: JSON.stringify(body) });

    // First a systematic sweep: every body field of every operation gets null, a wrong type, a nested
    // array and an unknown or out-of-range id, in an otherwise valid body, as the admin and the member.
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        const properties = resolve(schema).properties ?? {};
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'year' ? '2026' : name === 'name' ? 'a.png' : '1'));
        for (const key of Object.keys(properties)) {
          const base = plausible(schema, 0, '', true) as Record<string, Json>;
          const unknownId = pick(['987654', '2147483648', '9999999999999999']);
          const values: Json[] = [null, null, pick<Json>([true, 12345, {}, 'x'.repeat(300), -1]), [[[]]], /Ids$/.test(key) ? [unknownId] : /Id$/.test(key) ? unknownId : pick(BAD_STRINGS)];
          const personas = ['admin', 'member', 'member', 'admin', 'admin'] as const;
          values.forEach((value, i) => {
            const persona = personas[i];
            requests.push(json({ method: method.toUpperCase(), url, persona, label: `sweep ${key}=${JSON.stringify(value).slice(0, 20)}` }, { ...base, [key]: value }));
          });
        }
      }
    }

    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const params = operation.parameters ?? [];
        const content = operation.requestBody?.content ?? {};
        const jsonSchema = content['application/json']?.schema;
        const multipart = 'multipart/form-data' in content;
        for (let n = 0; n < PER_OPERATION; n++) {
          const persona: FuzzRequest['persona'] = chance(0.08) ? 'anon' : chance(0.5) ? 'admin' : 'member';
          const labels: string[] = [];
          // Path: a real-looking id most of the time, a bad spelling otherwise.
          let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            if (name === 'year') return chance(0.5) ? '2026' : encode(String(pick(BAD_STRINGS))).slice(0, 400);
            if (name === 'name') return pick(['a.png', '00000000-0000-0000-0000-000000000000-1.png', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(250)]);
            if (chance(0.7)) return String(pick([1, 2, 3, 5, 6, 16, 34, Math.floor(random() * 40) + 1]));
            labels.push(`bad ${name}`);
            return encode(pick(BAD_IDS)).replace(/%25(00|zz)/g, '%$1');
          });
          // Never revoke the signed-in admin's own grants: later requests would lose their coverage.
          if (/\/roles\/\{grantId\}/.test(path) && url.startsWith(`/api/admin/users/${adminId}/`)) url = url.replace(`/users/${adminId}/`, '/users/2/');
          // Query: each parameter present now and then, often malformed, sometimes repeated.
          const query: string[] = [];
          for (const param of params.filter((p) => p.in === 'query')) {
            if (!chance(0.5)) continue;
            const value = chance(0.6) ? malformed(param.schema) : plausible(param.schema);
            const text = typeof value === 'string' ? value : JSON.stringify(value);
            query.push(`${encode(param.name)}=${encode(text.slice(0, 3000))}`);
            if (chance(0.1)) query.push(`${encode(param.name)}=2`);
            labels.push(`query ${param.name}`);
          }
          if (chance(0.05)) query.push(pick(['unknown=1', 'a[b]=1', '%zz=%zz', '__proto__=1', 'limit=1&limit=2']));
          if (query.length) url += `?${query.join('&')}`;

          const request: FuzzRequest = { method: method.toUpperCase(), url, persona, label: '' };
          if (multipart) {
            const boundary = 'fuzzBoundary';
            const head = (name: string, filename?: string) =>
              `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\nContent-Type: application/octet-stream\r\n\r\n`;
            const file = pick([png, Buffer.from('not an image'), Buffer.alloc(0), Buffer.from(Array.from({ length: 2000 }, () => Math.floor(random() * 256)))]);
            const variant = pick(['ok', 'garbage', 'no boundary', 'unterminated', 'truncated', 'field only', 'two files', 'wrong name', 'json']);
            labels.push(`multipart ${variant}`);
            const complete = (name: string, body: Buffer) => Buffer.concat([Buffer.from(head(name, 'f.png')), body, Buffer.from(`\r\n--${boundary}--\r\n`)]);
            request.contentType = variant === 'no boundary' ? 'multipart/form-data' : variant === 'json' ? 'application/json' : `multipart/form-data; boundary=${boundary}`;
            request.body =
              variant === 'garbage' || variant === 'no boundary' ? Buffer.from('garbage')
              : variant === 'unterminated' ? Buffer.concat([Buffer.from(head('file', 'f.png')), file])
              : variant === 'truncated' ? complete('file', file).subarray(0, Math.floor(random() * 200))
              : variant === 'field only' ? Buffer.from(`${head('file')}value\r\n--${boundary}--\r\n`)
              : variant === 'two files' ? Buffer.concat([complete('file', file).subarray(0, -4), Buffer.from('\r\n'), complete('file', png)])
              : variant === 'wrong name' ? complete('other', file)
              : variant === 'json' ? Buffer.from('{"file":null}')
              : complete('file', file);
          } else if (operation.requestBody || chance(0.15)) {
            const kind = pick(['field', 'field', 'field', 'field', 'whole', 'unknown', 'bad json', 'content type', 'deep', 'huge']);
            labels.push(`body ${kind}`);
            const base = (jsonSchema ? plausible(jsonSchema) : {}) as Record<string, Json>;
            const properties = resolve(jsonSchema).properties ?? {};
            let body: Json | string = null;
            switch (kind) {
              case 'field': {
                const keys = Object.keys(properties);
                if (keys.length === 0) {
                  body = malformed(undefined);
                  break;
                }
                const key = pick(keys);
                labels.push(key);
                body = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base, [key]: malformed(properties[key]) } : { [key]: malformed(properties[key]) };
                break;
              }
              case 'whole':
                body = pick<Json>([null, [], 'text', 0, true, [base]]);
                break;
              case 'unknown':
                body = { ...base, [pick(['isAdmin', 'role', 'id', 'createdBy', 'score', 'seconds', 'constructor'])]: pick(BAD_VALUES) };
                break;
              case 'bad json':
                body = pick(['{"a":', '{a:1}', '[1,]', '\u0000', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '"\\ud800"', '{"a":"\\u0000"}', '']);
                request.contentType = 'application/json';
                request.body = body;
                break;
              case 'content type':
                request.contentType = pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x']);
                request.body = 'a=1&b=2';
                break;
              case 'deep': {
                let deep: Json = [];
                for (let i = 0; i < 40; i++) deep = chance(0.5) ? [deep] : { a: deep };
                body = { ...base, [pick(Object.keys(properties).length ? Object.keys(properties) : ['x'])]: deep };
                break;
              }
              default:
                body = { ...base, [pick(Object.keys(properties).length ? Object.keys(properties) : ['x'])]: 'x'.repeat(chance(0.2) ? 1_100_000 : 200_000) };
            }
            if (request.body === undefined) {
              request.contentType = 'application/json';
              request.body = JSON.stringify(body);
            }
          }
          request.label = labels.join(', ') || 'plain';
          requests.push(request);
        }
      }
    }

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const request of requests) {
      let call = t.http()[request.method.toLowerCase() as 'get'](request.url).set(auth[request.persona]);
      if (request.contentType) call = call.set('content-type', request.contentType);
      if (request.body !== undefined) call = call.send(request.body);
      const res = await call;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const where = `${request.method} ${request.url.slice(0, 160)} as ${request.persona} (${request.label})`;
      if (res.status >= 500) {
        failures.push(`${where} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        continue;
      }
      if (res.status >= 400) {
        const body = res.body as Record<string, unknown>;
        const keys = Object.keys(body ?? {});
        const shaped =
          typeof body === 'object' &&
          body !== null &&
          body.statusCode === res.status &&
          typeof body.code === 'string' &&
          (ERROR_CODES as string[]).includes(body.code) &&
          typeof body.message === 'string' &&
          body.message.length > 0 &&
          keys.every((k) => ['statusCode', 'code', 'message', 'details'].includes(k));
        if (!shaped) failures.push(`${where} → ${res.status} not in the error shape: ${JSON.stringify(body).slice(0, 200)}`);
      }
    }

    // Enough traffic, spread over every operation, and the server still healthy at the end.
    expect(requests.length).toBeGreaterThanOrEqual(Object.values(doc.paths).reduce((n, m) => n + Object.keys(m).length, 0) * PER_OPERATION);
    expect([...statuses.keys()].filter((s) => s < 400).length).toBeGreaterThan(0);
    await t.http().get('/api/health').expect(200);
    expect({ failures: failures.length, first: failures.slice(0, 25) }).toEqual({ failures: 0, first: [] });
  }, 240000);
});
