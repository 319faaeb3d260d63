import { Logger } from '@nestjs/common';
import { ERROR_CODES, type ActivityResponse } from '@torch-red/shared';
import { connect } from 'node:net';
import sharp from 'sharp';
import { toErrorResponse } from '../src/common/errors/all-exceptions.filter';
import { ActivityEntity } from '../src/modules/activity/activity.entity';
import { UserEntity } from '../src/modules/user/user.entity';
import { activityBody } from './factories/activity.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './factories/world.factory';
import { publishedLesson, studyColumn } from './factories/study.factory';

type Auth = { Authorization: string };

/** Sends raw bytes and reads the whole answer: for requests no HTTP client would send. */
function rawRequest(port: number, data: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (err) => (chunks.length ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(err)));
    socket.setTimeout(10000, () => socket.destroy());
    socket.write(data);
  });
}

function parseRaw(answer: string): { status: number; body: unknown } {
  const [head, ...rest] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(rest.join('\r\n\r\n')) };
}

const errorShape = (statusCode: number, code: string) => ({ statusCode, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });

describe.each(DATABASES)('input hardening on %s', (db) => {
  let t: TestApp;
  let port: number;
  let admin: Auth;
  let secretary: Auth;
  let committee: Auth;
  let member: Auth;
  let ownOrg: string;
  let world: World;
  /** Admin-managed objects this suite makes for itself (a 月月谈 session, a study column, lesson, question and paper). */
  const own = { talk: '', column: '', lesson: '', question: '', paper: '' };
  let activity: ActivityResponse;

  beforeAll(async () => {
    t = await startTestApp(db);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
    world = await createWorld(t);
    ({ admin } = world);
    secretary = world.secretary.auth;
    committee = world.committee.auth;
    member = world.member.auth;
    ownOrg = world.branch.id;
    const start = Date.now() + 72 * 3600 * 1000;
    own.talk = (
      await t
        .http()
        .post('/api/admin/talks')
        .set(admin)
        .send({ theme: '输入校验测试', description: '测试', location: '党群服务中心', startAt: new Date(start).toISOString(), endAt: new Date(start + 7200e3).toISOString(), signupEndAt: new Date(start - 86400e3).toISOString(), capacity: 30, hostDepartmentIds: [world.department.id] })
        .expect(201)
    ).body.id as string;
    own.column = await studyColumn(t, admin, `${world.tag}专栏`);
    own.lesson = (await publishedLesson(t, admin, own.column)).id;
    own.question = (await t.http().post('/api/admin/study/questions').set(admin).send({ type: 'SINGLE', stem: '输入校验测试题', options: ['甲', '乙'], answer: [0], explanation: '甲' }).expect(201)).body.id as string;
    own.paper = (
      await t.http().post('/api/admin/study/papers').set(admin).send({ title: '输入校验试卷', description: '', mode: 'FIXED', questionIds: [own.question], timeLimitMinutes: 10, passScore: 60, maxAttempts: 2, status: 'DRAFT' }).expect(201)
    ).body.id as string;
    activity = (await t.http().post('/api/activities').set(secretary).send(activityBody(ownOrg)).expect(201)).body as ActivityResponse;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('null in PATCH bodies (issue 9 item 8)', () => {
    // The 39 field/route pairs that answered 500 (security review F3).
    const cases: Array<[path: () => string, fields: string[], who: () => Auth]> = [
      [() => `/api/activities/${activity.id}`, ['title', 'type', 'description', 'location', 'waitlist', 'requiresApproval', 'formFields'], () => secretary],
      [() => `/api/admin/users/${world.member.id}`, ['name'], () => admin],
      [() => `/api/admin/orgs/${ownOrg}`, ['name'], () => admin],
      [() => `/api/admin/chains/${world.chain.id}`, ['name', 'industry', 'sortOrder'], () => admin],
      [() => `/api/admin/enterprises/${world.enterprise.id}`, ['name', 'honours'], () => admin],
      [() => `/api/admin/departments/${world.department.id}`, ['name', 'sortOrder'], () => admin],
      [() => `/api/admin/talks/${own.talk}`, ['description', 'location'], () => admin],
      [() => `/api/admin/study/columns/${own.column}`, ['name', 'description', 'sortOrder', 'status'], () => admin],
      [() => `/api/admin/study/lessons/${own.lesson}`, ['title', 'kind', 'summary', 'minutes', 'sortOrder', 'status'], () => admin],
      [() => `/api/admin/study/questions/${own.question}`, ['type', 'stem', 'options', 'explanation', 'enabled'], () => admin],
      [() => `/api/admin/study/papers/${own.paper}`, ['title', 'description', 'timeLimitMinutes', 'passScore', 'maxAttempts', 'status'], () => admin],
    ];

    it('refuses null for a field that cannot be empty: 400 naming the field', async () => {
      let checked = 0;
      for (const [path, fields, who] of cases) {
        for (const field of fields) {
          const res = await t.http().patch(path()).set(who()).send({ [field]: null });
          expect({ path: path(), field, status: res.status, body: res.body }).toEqual({
            path: path(),
            field,
            status: 400,
            body: { ...errorShape(400, 'VALIDATION_FAILED'), message: expect.stringContaining(field), details: [{ field, message: expect.stringContaining('null') }] },
          });
          checked++;
        }
      }
      expect(checked).toBe(39);
    });

    it('still clears the fields that are nullable', async () => {
      const enterprise = await t.http().patch(`/api/admin/enterprises/${world.enterprise.id}`).set(admin).send({ description: null }).expect(200);
      expect(enterprise.body).toMatchObject({ description: null });
      const cleared = await t.http().patch(`/api/activities/${activity.id}`).set(secretary).send({ coverUrl: null, capacity: null, signupStartAt: null }).expect(200);
      expect(cleared.body).toMatchObject({ coverUrl: null, capacity: null });
      await t.http().put(`/api/admin/users/${world.member.id}/membership`).set(admin).send({ enterpriseId: null }).expect(200);
    });

    it('refuses null inside nested objects and in optional fields of other bodies', async () => {
      const nested = await t.http().patch(`/api/activities/${activity.id}`).set(secretary).send({ formFields: [{ key: 'a', label: '单位', type: 'select', required: false, options: null }] }).expect(400);
      expect(nested.body.details).toEqual([{ field: 'formFields.0.options', message: expect.stringContaining('null') }]);
      await t.http().post(`/api/activities/${activity.id}/cancel`).set(secretary).send({ reason: null }).expect(400);
    });
  });

  describe('malformed multipart (item 9)', () => {
    const png = () => sharp({ create: { width: 64, height: 64, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const part = (body: string) => `--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${body}`;
    const bodies: Array<[label: string, contentType: string, body: string]> = [
      ['garbage', 'multipart/form-data; boundary=zzz', 'garbage'],
      ['no boundary', 'multipart/form-data', 'garbage'],
      ['unterminated part', 'multipart/form-data; boundary=zzz', part('abcdef')],
      ['truncated closing boundary', 'multipart/form-data; boundary=zzz', `${part('abcdef')}\r\n--zz`],
    ];

    it.each([
      ['/api/uploads/images', () => member],
      ['/api/admin/study/questions/import', () => admin],
    ])('%s answers 400 BAD_MULTIPART, never 500 or "too large"', async (path, who) => {
      for (const [label, contentType, body] of bodies) {
        const res = await t.http().post(path).set(who()).set('content-type', contentType).send(body);
        expect({ label, status: res.status, body: res.body }).toEqual({ label, status: 400, body: errorShape(400, 'BAD_MULTIPART') });
      }
      // A part without a readable header carries no file.
      const headerless = await t.http().post(path).set(who()).set('content-type', 'multipart/form-data; boundary=zzz').send('--zzz\r\nnot a header\r\n\r\nx\r\n--zzz--\r\n');
      expect(headerless.status).toBe(400);
    });

    it('still takes a real image, and still calls an over-size file too large', async () => {
      await t.http().post('/api/uploads/images').set(member).attach('file', await png(), 'a.png').expect(201);
      const huge = await t.http().post('/api/uploads/images').set(member).attach('file', Buffer.alloc(8 * 1024 * 1024 + 10, 1), 'a.png').expect(413);
      expect(huge.body).toEqual(errorShape(413, 'IMAGE_TOO_LARGE'));
      const empty = await t.http().post('/api/uploads/images').set(member).field('other', 'x').expect(400);
      expect(empty.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('objects that do not exist (item 10)', () => {
    const post = { name: '先锋岗', kind: 'PIONEER_POST', enterpriseId: null, workshop: '车间', commitment: '承诺', holderIds: [] };

    it('answers 404 to an admin acting on a missing org or enterprise', async () => {
      for (const orgId of ['987654', '2147483648', '13800000001']) {
        const res = await t.http().post('/api/activities').set(admin).send(activityBody(orgId));
        expect({ orgId, status: res.status, body: res.body }).toEqual({ orgId, status: 404, body: errorShape(404, 'NOT_FOUND') });
      }
      await t.http().post('/api/workspace/orgs/987654/posts').set(admin).send(post).expect(404);
      const visit = { enterpriseId: '987654', visitedOn: '2026-11-27', peopleMet: '王军', discussed: '交流', problems: [] };
      await t.http().post('/api/visits').set(admin).send(visit).expect(404);
      await t.http().post('/api/visits').set(admin).send({ ...visit, enterpriseId: '2147483648' }).expect(404);
      expect((await t.http().get('/api/workspace/orgs/987654/brand').set(admin).expect(404)).body).toEqual(errorShape(404, 'NOT_FOUND'));
      await t.http().get('/api/orgs/987654/members').set(admin).expect(404);
      // Existing ones still work.
      await t.http().get(`/api/workspace/orgs/${ownOrg}/brand`).set(admin).expect(200);
      await t.http().get(`/api/orgs/${ownOrg}/members`).set(admin).expect(200);
    });

    it('turns a foreign-key refusal the services missed into 404, not 500', async () => {
      const err = await t.dataSource
        .createQueryBuilder()
        .insert()
        .into('brand_likes')
        .values({ brandId: 987654, userId: 1 })
        .execute()
        .then(() => null, (e: unknown) => e);
      expect(err).not.toBeNull();
      expect(toErrorResponse(err)).toEqual(errorShape(404, 'NOT_FOUND'));
      if (db === 'mysql') {
        const outOfRange = await t.dataSource.query('UPDATE users SET orgId = 2147483648 WHERE id = 2').then(() => null, (e: unknown) => e);
        expect(toErrorResponse(outOfRange)).toEqual(errorShape(400, 'VALIDATION_FAILED'));
      }
    });
  });

  it('refuses nested arrays where objects are expected (item 11)', async () => {
    for (const assignments of [[[[]]], [[]], [1], [null], ['1'], [{ departmentId: '1', deadline: '2030-01-01T00:00:00+08:00' }, []]]) {
      const res = await t.http().post('/api/needs/1/dispatch').set(committee).send({ assignments });
      expect({ assignments, status: res.status, code: res.body.code }).toEqual({ assignments, status: 400, code: 'VALIDATION_FAILED' });
    }
    const story = await t.http().put(`/api/workspace/orgs/${ownOrg}/brand`).set(secretary).send({ name: '品牌', slogan: '', story: [[]], coverImageId: null, galleryImageIds: [], honours: [] });
    expect(story.status).toBe(400);
  });

  describe('ids only in canonical spelling (item 12)', () => {
    /** Other spellings of the same number: hex, binary, octal, exponent, sign, padding, spaces, decimals. */
    const spellings = (id: string): string[] => {
      const n = Number(id);
      return [`0x${n.toString(16)}`, `${n / 10}e1`, `+${id}`, `${id}.0`, `0${id}`, `0b${n.toString(2)}`, `0o${n.toString(8)}`, `%20${id}`, `${id}%20`, `${id}e0`, `-${id}`];
    };

    it('treats every other spelling of a route id as not found', async () => {
      await t.http().get(`/api/workspace/orgs/${ownOrg}/brand`).set(secretary).expect(200);
      for (const id of [...spellings(ownOrg), '0', '9007199254740993']) {
        const res = await t.http().get(`/api/workspace/orgs/${id}/brand`).set(secretary);
        expect({ id, status: res.status, body: res.body }).toEqual({ id, status: 404, body: errorShape(404, 'NOT_FOUND') });
      }
      const before = (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: 1 })).name;
      await t.http().patch('/api/admin/users/%201').set(admin).send({ name: '改名' }).expect(404);
      await t.http().patch('/api/admin/users/1%20').set(admin).send({ name: '改名' }).expect(404);
      expect((await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: 1 })).name).toBe(before);
    });

    it('refuses non-canonical ids in query strings and bodies', async () => {
      await t.http().get('/api/activities').set(member).query({ orgId: ownOrg }).expect(200);
      for (const orgId of [`0${ownOrg}`, `0x${Number(ownOrg).toString(16)}`, ` ${ownOrg}`, `${Number(ownOrg) / 10}e1`, '9007199254740993']) {
        await t.http().get('/api/activities').set(member).query({ orgId }).expect(400);
        await t.http().post('/api/activities').set(secretary).send(activityBody(orgId)).expect(400);
      }
      // A JSON number that is a safe integer is the same id.
      await t.http().post('/api/activities').set(secretary).send({ ...activityBody(ownOrg), orgId: Number(ownOrg) }).expect(201);
      const unsafe = JSON.stringify(activityBody(ownOrg)).replace(`"orgId":"${ownOrg}"`, '"orgId":9007199254740993');
      await t.http().post('/api/activities').set(secretary).set('content-type', 'application/json').send(unsafe).expect(400);
    });
  });

  describe('the error shape everywhere (item 13)', () => {
    it('answers an over-long path parameter and a malformed URL with the shape', async () => {
      const long = await t.http().get(`/api/orgs/${'1'.repeat(300)}/members`).set(admin).expect(414);
      expect(long.body).toEqual(errorShape(414, 'URI_TOO_LONG'));
      const bad = await t.http().get('/api/orgs/%zz/members').set(admin).expect(400);
      expect(bad.body).toEqual(errorShape(400, 'BAD_REQUEST'));
    });

    it('answers requests the HTTP parser refuses with the shape', async () => {
      const malformed = [
        'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
        'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
        'GARBAGE\r\n\r\n',
        'GET /api/he\u0000alth HTTP/1.1\r\nHost: x\r\n\r\n',
        'POST /api/auth/dev-login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n',
      ];
      for (const request of malformed) {
        expect(parseRaw(await rawRequest(port, request))).toEqual({ status: 400, body: errorShape(400, 'BAD_REQUEST') });
      }
      const huge = `GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(100 * 1024)}\r\n\r\n`;
      expect(parseRaw(await rawRequest(port, huge))).toEqual({ status: 431, body: errorShape(431, 'HEADERS_TOO_LARGE') });
      // The server is fine afterwards.
      await t.http().get('/api/health').expect(200);
    });

    it('logs a client that hangs up mid-request as information, not as a server error', async () => {
      const errors = jest.spyOn(Logger.prototype, 'error');
      const infos = jest.spyOn(Logger.prototype, 'log');
      const hangUpAfter = (data: string) =>
        new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(data);
            setTimeout(() => socket.destroy(), 200);
          });
          socket.on('close', () => resolve());
          socket.on('error', () => resolve());
        });
      const closedLogs = () => infos.mock.calls.filter((c) => String(c[0]).includes('Client closed')).length;
      try {
        const upload = `POST /api/uploads/images HTTP/1.1\r\nHost: x\r\nAuthorization: ${member.Authorization}\r\nContent-Type: multipart/form-data; boundary=zzz\r\nContent-Length: 100000\r\n\r\n`;
        await hangUpAfter(upload + '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n' + 'x'.repeat(1000));
        const json = `PATCH /api/admin/users/${world.member.id} HTTP/1.1\r\nHost: x\r\nAuthorization: ${admin.Authorization}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":"王`;
        await hangUpAfter(json);
        for (let i = 0; i < 50 && closedLogs() < 2; i++) await new Promise((r) => setTimeout(r, 100));
        expect(closedLogs()).toBe(2);
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
        infos.mockRestore();
      }
    });

    it('uses only codes from shared/', () => {
      expect(ERROR_CODES).toEqual(expect.arrayContaining(['BAD_REQUEST', 'BAD_MULTIPART', 'URI_TOO_LONG', 'HEADERS_TOO_LARGE', 'REQUEST_TIMEOUT']));
    });
  });

  describe('text is normalised once (item 14)', () => {
    it('refuses names that are only invisible characters or a NUL', async () => {
      for (const name of ['\u200b'.repeat(50), '\u0000', '\u200b\u200c\u200d\ufeff', '\u3164', ' \u0000 ']) {
        const res = await t.http().patch(`/api/admin/users/${world.member.id}`).set(admin).send({ name });
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
      }
      await t.http().patch(`/api/activities/${activity.id}`).set(secretary).send({ location: '\u200b\u200b' }).expect(400);
      await t.http().patch(`/api/admin/enterprises/${world.enterprise.id}`).set(admin).send({ honours: ['\u200b'] }).expect(400);
    });

    it('refuses lone surrogates, so nothing invalid reaches the database', async () => {
      for (const name of ['\ud800', 'a\udc00b', '张\ud83d']) {
        const res = await t.http().patch(`/api/admin/users/${world.member.id}`).set(admin).send({ name });
        expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { ...errorShape(400, 'VALIDATION_FAILED'), details: [{ field: 'name', message: expect.any(String) }] } });
      }
      await t.http().post(`/api/activities/${activity.id}/cancel`).set(secretary).send({ reason: 'x\udfffy' }).expect(400);
      // A well-formed pair (an emoji) is fine.
      const ok = await t.http().patch(`/api/admin/users/${world.member.id}`).set(admin).send({ name: '王芳😀' }).expect(200);
      expect(ok.body.name).toBe('王芳😀');
    });

    it('stores text as NFC, without control characters or surrounding zero-width spaces', async () => {
      const res = await t.http()
        .patch(`/api/activities/${activity.id}`)
        .set(secretary)
        .send({ title: '\u200bCafe\u0301\u0000 座谈会\u200b', description: '第一行\r\n第二行\rend\u0007\t!' })
        .expect(200);
      expect(res.body.title).toBe('Caf\u00e9 座谈会');
      expect(res.body.description).toBe('第一行\n第二行\nend\t!');
      const row = await t.dataSource.getRepository(ActivityEntity).findOneByOrFail({ id: Number(activity.id) });
      expect(row.title).toBe('Caf\u00e9 座谈会');
      expect(Buffer.from(row.title, 'utf8').toString('utf8')).toBe(row.title);
    });
  });
});
