import type { LessonDetail, QuestionResponse, QuizQuestion, StudySessionResponse } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { Clock } from '../../src/common/clock';
import type { TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** A published one-minute lesson (read after 30 s of credited time) in the given column. */
export async function publishedLesson(t: TestApp, admin: Auth, columnId: string, overrides: Record<string, unknown> = {}): Promise<LessonDetail> {
  const res = await t
    .http()
    .post('/api/admin/study/lessons')
    .set(admin)
    .send({
      columnId,
      title: '测试课程',
      kind: 'ARTICLE',
      summary: '测试摘要',
      blocks: [{ type: 'paragraph', text: '正文' }],
      minutes: 1,
      status: 'PUBLISHED',
      ...overrides,
    })
    .expect(201);
  return res.body as LessonDetail;
}

export async function studyColumn(t: TestApp, admin: Auth, name = '测试专栏'): Promise<string> {
  const res = await t.http().post('/api/admin/study/columns').set(admin).send({ name, description: '测试' }).expect(201);
  return res.body.id as string;
}

/** Moves the server clock, then sends a heartbeat. */
export async function beatAfter(t: TestApp, auth: Auth, sessionId: string, seconds: number): Promise<StudySessionResponse> {
  t.app.get(Clock).travel(seconds * 1000);
  return (await t.http().post(`/api/study/sessions/${sessionId}/heartbeat`).set(auth).send({}).expect(200)).body as StudySessionResponse;
}

export async function startSession(t: TestApp, auth: Auth, lessonId: string): Promise<StudySessionResponse> {
  return (await t.http().post(`/api/study/lessons/${lessonId}/sessions`).set(auth).expect(201)).body as StudySessionResponse;
}

/**
 * A question-import file as an admin fills it in: the header read from the template the server serves (checked
 * to be a spreadsheet that starts with 题型), these rows under it.
 */
export async function questionSheet(t: TestApp, admin: Auth, rows: string[][]): Promise<Buffer> {
  const template = await t.http().get('/api/admin/study/questions/import-template').set(admin).expect(200).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(template.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.body as ArrayBuffer);
  const header = (workbook.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
  expect(header[0]).toBe('题型');
  const upload = new ExcelJS.Workbook();
  const ws = upload.addWorksheet('题目');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await upload.xlsx.writeBuffer());
}

/** Sends a file to the question import (`preview`: its check, nothing written), signed in as `auth` or not at all. */
export function postQuestionFile(t: TestApp, auth: Auth | null, file: Buffer, { preview = false, name = 'questions.xlsx' } = {}) {
  const req = t.http().post(`/api/admin/study/questions/${preview ? 'import-preview' : 'import'}`);
  return (auth ? req.set(auth) : req).attach('file', file, name);
}

/** The whole bank with answers, as admins see it. */
export async function questionBank(t: TestApp, admin: Auth): Promise<Map<string, QuestionResponse>> {
  const bank = new Map<string, QuestionResponse>();
  let cursor: string | null = null;
  do {
    const res = await t.http().get(`/api/admin/study/questions?limit=100${cursor ? `&cursor=${cursor}` : ''}`).set(admin).expect(200);
    for (const q of res.body.items as QuestionResponse[]) bank.set(q.id, q);
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return bank;
}

/** The right answer in the positions this quiz shows the options in (they are shuffled per attempt). */
export function shownKey(q: QuizQuestion, bank: Map<string, QuestionResponse>): number[] {
  const stored = bank.get(q.id)!;
  const right = new Set(stored.answer.map((i) => stored.options[i]));
  return q.options.flatMap((o, i) => (right.has(o) ? [i] : []));
}

/** Answers for the questions: all right, or with the first `wrong` of them wrong. */
export function answersFor(questions: QuizQuestion[], bank: Map<string, QuestionResponse>, wrong = 0): Array<{ questionId: string; choice: number[] }> {
  return questions.map((q, i) => {
    const answer = shownKey(q, bank);
    if (i >= wrong) return { questionId: q.id, choice: answer };
    const other = q.options.findIndex((_, index) => !answer.includes(index));
    return { questionId: q.id, choice: [other] };
  });
}

/** Every key anywhere in a JSON value. */
export function keysOf(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        keys.add(k);
        walk(inner);
      }
    }
  };
  walk(value);
  return keys;
}

/**
 * Moves the clock to 10:00 China time of the next day, so a test that moves time on by minutes or hours
 * never crosses midnight (a new day resets daily caps and needs a new day's sign-in) whenever it runs.
 */
export function startOfStudyMorning(t: TestApp): void {
  const clock = t.app.get(Clock);
  const now = clock.now().getTime();
  const chinaMidnight = Math.floor((now + 8 * 3600e3) / 86400e3) * 86400e3 - 8 * 3600e3;
  clock.travel(chinaMidnight + 86400e3 + 10 * 3600e3 - now);
}
