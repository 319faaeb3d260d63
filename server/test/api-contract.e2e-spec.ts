import type { OpenAPIObject } from '@nestjs/swagger';
import type { EnterpriseResponse, MeResponse, OrgResponse, Page } from '@torch-red/shared';
import { loadApiSchemas, routeKey } from '../src/common/openapi/api-document';
import { adminLogin, devLogin } from './factories/auth.factory';
import { publishedLesson, studyColumn } from './factories/study.factory';
import { ResponseContract } from './support/response-contract';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Response = { description: string; content?: Record<string, { schema?: unknown }> };

/**
 * The API description documents every response from the shared types (shared/src/routes.ts → the shared
 * build's api-schemas.json → /api/docs-json), and every e2e suite checks each real response against it
 * (support/response-contract.ts, run by support/test-app.ts): a response that drifts from its shared type
 * fails the suite that saw it.
 */
describe.each(DATABASES)('API contract on %s', (db) => {
  let t: TestApp;
  let doc: OpenAPIObject;
  beforeAll(async () => {
    t = await startTestApp(db);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(async () => {
    await t?.close();
  });

  const operations = (): Array<{ key: string; operation: Operation }> =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ key: routeKey(method, path), operation })),
    );

  it('documents the response of every operation from the shared route table', () => {
    const { routes } = loadApiSchemas();
    const problems: string[] = [];
    for (const { key, operation } of operations()) {
      const route = routes[key];
      if (!route) {
        problems.push(`${key}: not in shared/src/routes.ts`);
        continue;
      }
      const responses = operation.responses as Record<string, Response>;
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) problems.push(`${key}: no success response`);
      for (const [status, response] of success) {
        if (route.json) {
          if (status === '204') problems.push(`${key}: 204 but API.${route.name} answers JSON`);
          if (JSON.stringify(response.content?.['application/json']?.schema) !== JSON.stringify(route.json)) problems.push(`${key} ${status}: not the schema of API.${route.name}`);
        } else if (route.file) {
          if (JSON.stringify(Object.keys(response.content ?? {})) !== JSON.stringify(route.file)) problems.push(`${key} ${status}: not the media types of API.${route.name}`);
        } else if (status !== '204' || response.content) {
          problems.push(`${key} ${status}: API.${route.name} answers no body, so 204 without content`);
        }
      }
      if (JSON.stringify(responses.default?.content) !== JSON.stringify({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } })) {
        problems.push(`${key}: errors are not documented as ErrorResponse`);
      }
    }
    expect(problems).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
    // Every route of the table is an operation (routes.spec.ts checks the converse against the controllers).
    expect(operations().map((o) => o.key).sort()).toEqual(Object.keys(routes).sort());
    expect(operations().length).toBeGreaterThan(140);
  });

  it('describes responses with schemas that compile, every $ref resolving', () => {
    expect(new ResponseContract(doc).compileAll()).toBeGreaterThan(140);
  });

  it('fails a response that drifts from its shared type', async () => {
    const member = await devLogin(t, `contract-${db}`, '契约测试');
    const me = (await t.http().get('/api/me').set(member.auth).expect(200)).body as MeResponse;
    const contract = new ResponseContract(doc);
    const answer = (body: unknown, status = 200, route = '/api/me', method = 'GET', contentType = 'application/json; charset=utf-8') =>
      contract.check({ method, route, url: route, status, contentType, body: typeof body === 'string' ? body : JSON.stringify(body) });

    expect(answer(me)).toBeUndefined();
    const { id: _id, ...withoutId } = me;
    expect(answer(withoutId)).toMatch(/must have required property 'id'/);
    expect(answer({ ...me, openid: 'o-123' })).toMatch(/must NOT have additional properties 'openid'/);
    expect(answer({ ...me, roles: 'MEMBER' })).toMatch(/\/roles must be array/);
    expect(answer({ ...me, roles: [{ role: 'KING' }] })).toMatch(/\/roles\/0\/role must be equal to one of the allowed values/);
    expect(answer(me, 201)).toMatch(/the status is not documented/);
    expect(answer('<html></html>', 200, '/api/me', 'GET', 'text/html')).toMatch(/answered text\/html, documented application\/json/);
    // Errors: the shared ErrorResponse with a shared code.
    expect(answer({ statusCode: 404, code: 'NOT_FOUND', message: '不存在' }, 404)).toBeUndefined();
    expect(answer({ statusCode: 404, code: 'NO_SUCH_CODE', message: '不存在' }, 404)).toMatch(/\/code must be equal to one of the allowed values/);
    expect(contract.check({ method: 'GET', route: undefined, url: '/', status: 200, contentType: 'text/html', body: '<p>H5</p>' })).toBeUndefined();
    expect(contract.check({ method: 'GET', route: undefined, url: '/api/nope', status: 404, contentType: 'application/json', body: '{"error":"x"}' })).toMatch(/must have required property/);
    expect(contract.check({ method: 'GET', route: undefined, url: '/api/nope', status: 200, contentType: 'application/json', body: '{}' })).toMatch(/not in the API description/);
    // No body where none is documented; files of the documented media type.
    expect(answer('', 204, '/api/auth/logout', 'POST')).toBeUndefined();
    expect(answer({ ok: true }, 204, '/api/auth/logout', 'POST')).toMatch(/documented without a body/);
    expect(answer(Buffer.from('PK'), 200, '/api/activities/:id/export', 'GET', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBeUndefined();
    expect(answer({ items: [] }, 200, '/api/activities/:id/export', 'GET')).toMatch(/answered application\/json, documented application\/vnd/);
  });

  // The feature suites answer all other operations successfully (E2E_CONTRACT_LOG=<file> lists what they saw).
  it('answers the operations no feature suite answers successfully, each matching its schema', async () => {
    const admin = await adminLogin(t);
    const get = async <T>(url: string, auth = admin) => (await t.http().get(url).set(auth).expect(200)).body as T;
    const org = (await get<Page<OrgResponse>>('/api/admin/orgs?type=BRANCH&limit=1')).items[0];
    await get(`/api/admin/orgs/${org.id}`);
    const enterprise = (await get<Page<EnterpriseResponse>>('/api/admin/enterprises?limit=1')).items[0];
    await get(`/api/admin/enterprises/${enterprise.id}`);
    await get('/api/admin/chains');
    await get('/api/admin/departments');
    await get('/api/admin/talks');
    await get('/api/admin/study/columns');
    await get('/api/admin/study/papers');
    const lesson = await publishedLesson(t, admin, await studyColumn(t, admin, '契约专栏'));
    await get(`/api/admin/study/lessons?columnId=${lesson.columnId}`);
    await get(`/api/admin/study/lessons/${lesson.id}`);
    const question = await t.http().post('/api/admin/study/questions').set(admin).send({ type: 'SINGLE', stem: '契约测试题', options: ['甲', '乙'], answer: [0], explanation: '甲' }).expect(201);
    await t.http().patch(`/api/admin/study/questions/${question.body.id}`).set(admin).send({ enabled: false }).expect(200);

    const secretary = await devLogin(t, `contract-secretary-${db}`, '契约书记');
    await t.http().put(`/api/admin/users/${secretary.user.id}/membership`).set(admin).send({ orgId: org.id }).expect(200);
    await t.http().post(`/api/admin/users/${secretary.user.id}/roles`).set(admin).send({ role: 'SECRETARY', orgId: org.id }).expect(201);
    await get('/api/workspace/activities', secretary.auth);
    const post = await t.http()
      .post(`/api/workspace/orgs/${org.id}/posts`)
      .set(secretary.auth)
      .send({ name: '契约先锋岗', kind: 'PIONEER_POST', enterpriseId: org.enterpriseId, workshop: '一车间', commitment: '按期践诺', holderIds: [secretary.user.id] })
      .expect(201);
    await t.http().delete(`/api/workspace/posts/${post.body.id}`).set(secretary.auth).expect(204);
    await t.http().post('/api/me/notifications/read-all').set(secretary.auth).expect(204);

    expect(t.contract.report()).toBeUndefined();
    expect([...t.contract.seen]).toEqual(
      expect.arrayContaining(['GET /api/admin/orgs/{id} 200', 'GET /api/admin/study/lessons/{id} 200', 'PATCH /api/admin/study/questions/{id} 200', 'DELETE /api/workspace/posts/{id} 204', 'POST /api/me/notifications/read-all 204']),
    );
  });

  it('checks every real response of the suite (failing the suite when one drifts)', async () => {
    const before = t.contract.checked;
    await t.http().get('/api/health').expect(200);
    await t.http().get('/api/activities').expect(401);
    expect(t.contract.checked).toBe(before + 2);
    expect(t.contract.report()).toBeUndefined();
  });
});
