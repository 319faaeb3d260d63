import type { AdminPaperResponse, AuditLogResponse, ImportQuestionsPreview, Page, QuestionResponse } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { adminLogin, devLogin } from './factories/auth.factory';
import { postQuestionFile, questionSheet } from './factories/study.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };

/** The 管理后台's question bank: the import preview (nothing written), search and filters, papers as admins see them. */
describe.each(DATABASES)('question bank admin on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let member: Auth;
  const stamp = `${db}${Date.now() % 100000}`;

  const sheet = (rows: string[][]) => questionSheet(t, admin, rows);
  const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM study_questions'))[0].n);
  const imports = async () =>
    ((await t.http().get('/api/admin/audit-logs?action=study.question.import&limit=100').set(admin).expect(200)).body as Page<AuditLogResponse>).items;
  const preview = (file: Buffer, auth: Auth | null = admin) => postQuestionFile(t, auth, file, { preview: true });
  const questions = async (query: string) => ((await t.http().get(`/api/admin/study/questions?${query}`).set(admin).expect(200)).body as Page<QuestionResponse>).items;

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
    member = (await devLogin(t, `bank-${db}`, '题库学员')).auth;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('import preview', () => {
    it('lists every bad row by row and column, counts the good ones and writes nothing', async () => {
      const before = await count();
      const audited = (await imports()).length;
      const file = await sheet([
        ['单选', `预览题一${stamp}`, '甲', '乙', '', '', '', '', 'A', '解析一'],
        ['单选', `预览题二${stamp}`, '甲', '乙', '', '', '', '', 'D', '解析二'],
        ['', '', '', '', '', '', '', '', '', ''],
        ['判断', `预览题三${stamp}`, '', '', '', '', '', '', '正确', '解析三'],
        ['填空', `预览题四${stamp}`, '', '', '', '', '', '', 'A', '解析四'],
        ['多选', `预览题五${stamp}`, '甲', '', '丙', '', '', '', 'AC', '解析五'],
      ]);
      const res = await preview(file).expect(200);
      const body = res.body as ImportQuestionsPreview;
      expect(body.rows).toBe(5);
      expect(body.valid).toBe(2);
      expect(body.errors).toEqual([
        { row: 3, column: '答案', message: '正确答案不在选项范围内' },
        { row: 6, column: '题型', message: expect.stringContaining('填空') },
        { row: 7, column: '选项B', message: '选项不能为空，且不超过 200 字' },
      ]);
      expect(body.sample).toEqual([
        { row: 2, type: 'SINGLE', stem: `预览题一${stamp}`, options: ['甲', '乙'], answer: [0], explanation: '解析一' },
        { row: 5, type: 'JUDGE', stem: `预览题三${stamp}`, options: ['正确', '错误'], answer: [0], explanation: '解析三' },
      ]);
      expect(await count()).toBe(before);
      expect(await questions(`q=${encodeURIComponent(`预览题一${stamp}`)}`)).toEqual([]);
      expect((await imports()).length).toBe(audited);

      // The import itself still takes the file whole or not at all, with the same row errors.
      const refused = await postQuestionFile(t, admin, file).expect(422);
      expect(refused.body.code).toBe('STUDY_IMPORT_INVALID');
      expect(refused.body.details).toEqual(body.errors);
      expect(await count()).toBe(before);
    });

    it('shows only a few good rows, says when a file has no questions, and refuses what is not the template', async () => {
      const many = await sheet(Array.from({ length: 8 }, (_, i) => ['判断', `样例题${i}${stamp}`, '', '', '', '', '', '', i % 2 ? '错误' : '正确', '解析']));
      const body = (await preview(many).expect(200)).body as ImportQuestionsPreview;
      expect(body).toMatchObject({ rows: 8, valid: 8, errors: [] });
      expect(body.sample.map((s) => s.row)).toEqual([2, 3, 4, 5, 6]);

      expect((await preview(await sheet([])).expect(200)).body).toEqual({ rows: 0, valid: 0, sample: [], errors: [{ row: 2, message: '文件中没有题目' }] });

      const notXlsx = await preview(Buffer.from('not a spreadsheet')).expect(422);
      expect(notXlsx.body).toMatchObject({ code: 'STUDY_IMPORT_INVALID', details: [{ row: 0, message: '不是有效的 .xlsx 文件' }] });
      const wrongHeader = new ExcelJS.Workbook();
      wrongHeader.addWorksheet('题目').addRow(['姓名', '手机号']);
      const header = await preview(Buffer.from(await wrongHeader.xlsx.writeBuffer())).expect(422);
      expect(header.body.details[0]).toMatchObject({ row: 1 });
      await t.http().post('/api/admin/study/questions/import-preview').set(admin).send({ file: 'x' }).expect(415);
    });

    it('is for admins only', async () => {
      const file = await sheet([['判断', `权限题${stamp}`, '', '', '', '', '', '', '正确', '解析']]);
      await preview(file, member).expect(403);
      await preview(file, null).expect(401);
    });

    it('a file fixed after the preview imports in one go, audited, and is found by search', async () => {
      const before = await count();
      const audited = (await imports()).length;
      const file = await sheet([
        ['单选', `修正题一${stamp}`, '甲', '乙', '', '', '', '', 'B', '解析一'],
        ['多选', `修正题二${stamp}`, '甲', '乙', '丙', '', '', '', 'A、C', '解析二'],
        ['判断', `修正题三${stamp}`, '', '', '', '', '', '', '错', '解析三'],
      ]);
      expect((await preview(file).expect(200)).body).toMatchObject({ rows: 3, valid: 3, errors: [] });
      expect(await count()).toBe(before);
      expect((await postQuestionFile(t, admin, file).expect(201)).body).toEqual({ imported: 3 });
      expect(await count()).toBe(before + 3);
      const entries = await imports();
      expect(entries.length).toBe(audited + 1);
      expect(entries[0].after).toEqual({ imported: 3 });

      const found = await questions(`q=${encodeURIComponent(`修正题二${stamp}`)}`);
      expect(found.map((q) => [q.type, q.options, q.answer, q.enabled])).toEqual([['MULTIPLE', ['甲', '乙', '丙'], [0, 2], true]]);
    });
  });

  describe('bank filters', () => {
    it('finds questions by part of the stem, type and enabled; a % or _ in the search is taken literally', async () => {
      const made: QuestionResponse[] = [];
      for (const [type, stem] of [
        ['SINGLE', `筛选单选${stamp}`],
        ['JUDGE', `筛选判断${stamp}`],
        ['SINGLE', `筛选100%_${stamp}`],
      ] as const) {
        const body = { type, stem, options: type === 'JUDGE' ? [] : ['甲', '乙'], answer: [0], explanation: '解析' };
        made.push((await t.http().post('/api/admin/study/questions').set(admin).send(body).expect(201)).body as QuestionResponse);
      }
      await t.http().patch(`/api/admin/study/questions/${made[1].id}`).set(admin).send({ enabled: false }).expect(200);
      const ids = (items: QuestionResponse[]) => items.map((q) => q.id).sort();
      const q = encodeURIComponent('筛选');

      expect(ids((await questions(`q=${q}&limit=100`)).filter((x) => x.stem.endsWith(stamp)))).toEqual(ids(made));
      expect(ids((await questions(`q=${q}&type=SINGLE&limit=100`)).filter((x) => x.stem.endsWith(stamp)))).toEqual(ids([made[0], made[2]]));
      expect(ids((await questions(`q=${q}&enabled=false&limit=100`)).filter((x) => x.stem.endsWith(stamp)))).toEqual([made[1].id]);
      expect(ids((await questions(`q=${q}&enabled=true&limit=100`)).filter((x) => x.stem.endsWith(stamp)))).toEqual(ids([made[0], made[2]]));
      expect(ids(await questions(`q=${encodeURIComponent('100%_')}`))).toEqual([made[2].id]);
      expect(await questions(`q=${encodeURIComponent('%')}${stamp}`)).toEqual([]);
      expect(await questions(`q=${encodeURIComponent(`单_${stamp}`)}`)).toEqual([]);
      expect(ids(await questions(`q=${encodeURIComponent(`单选${stamp}`)}`))).toEqual([made[0].id]);

      // Paged by id, newest first: two pages of one hold the two newest.
      const first = (await t.http().get(`/api/admin/study/questions?q=${q}&limit=1`).set(admin).expect(200)).body as Page<QuestionResponse>;
      expect(first.items.map((x) => x.id)).toEqual([made[2].id]);
      const second = (await t.http().get(`/api/admin/study/questions?q=${q}&limit=1&cursor=${first.nextCursor}`).set(admin).expect(200)).body as Page<QuestionResponse>;
      expect(second.items.map((x) => x.id)).toEqual([made[1].id]);

      await t.http().get('/api/admin/study/questions?enabled=maybe').set(admin).expect(400);
    });
  });

  describe('papers', () => {
    it('shows admins the questions a fixed paper holds, in order, and how many a random one draws', async () => {
      const bank = await questions('enabled=true&limit=3');
      const fixed = (
        await t.http().post('/api/admin/study/papers').set(admin).send({ title: `固定卷${stamp}`, description: '', mode: 'FIXED', questionIds: bank.map((q) => q.id), timeLimitMinutes: 10, passScore: 60, maxAttempts: 2 }).expect(201)
      ).body as AdminPaperResponse;
      expect(fixed).toMatchObject({ mode: 'FIXED', drawCount: 0, questionCount: 3, status: 'DRAFT' });
      expect(fixed.questions).toEqual(bank.map((q) => ({ id: q.id, type: q.type, stem: q.stem, enabled: true })));
      const random = (
        await t.http().post('/api/admin/study/papers').set(admin).send({ title: `随机卷${stamp}`, description: '', mode: 'RANDOM', drawCount: 2, timeLimitMinutes: 10, passScore: 60, maxAttempts: 1, status: 'PUBLISHED' }).expect(201)
      ).body as AdminPaperResponse;
      expect(random).toMatchObject({ questions: [], drawCount: 2, questionCount: 2, status: 'PUBLISHED' });
      const edited = (await t.http().patch(`/api/admin/study/papers/${fixed.id}`).set(admin).send({ questionIds: [bank[0].id], status: 'PUBLISHED' }).expect(200)).body as AdminPaperResponse;
      expect(edited).toMatchObject({ questions: [{ id: bank[0].id, stem: bank[0].stem }], questionCount: 1, status: 'PUBLISHED' });
      const listed = (await t.http().get('/api/admin/study/papers').set(admin).expect(200)).body as AdminPaperResponse[];
      expect(listed.find((p) => p.id === fixed.id)?.questions.map((q) => q.id)).toEqual([bank[0].id]);
      // A question disabled later still shows in its paper, marked.
      await t.http().patch(`/api/admin/study/questions/${bank[0].id}`).set(admin).send({ enabled: false }).expect(200);
      const after = (await t.http().get('/api/admin/study/papers').set(admin).expect(200)).body as AdminPaperResponse[];
      expect(after.find((p) => p.id === fixed.id)?.questions).toEqual([{ id: bank[0].id, type: bank[0].type, stem: bank[0].stem, enabled: false }]);
      await t.http().patch(`/api/admin/study/questions/${bank[0].id}`).set(admin).send({ enabled: true }).expect(200);
    });
  });
});
