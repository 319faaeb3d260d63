import type { DailyQuizResponse, LeaderboardResponse, LessonSummary, MyPointsResponse, Page, PaperAttemptResponse, QuestionResponse, StudyColumnResponse } from '@torch-red/shared';
import { Clock } from '../src/common/clock';
import { Tx } from '../src/database/tx.service';
import { PointsService } from '../src/modules/study/points.service';
import { devLogin, adminLogin } from './factories/auth.factory';
import { answersFor, beatAfter, keysOf, postQuestionFile, questionSheet, shownKey, publishedLesson, questionBank, startOfStudyMorning, startSession, studyColumn } from './factories/study.factory';
import { createPerson, createWorld, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
const LEAKS = ['answer', 'correctAnswer', 'explanation', 'isCorrect'];

describe.each(DATABASES)('theory study on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let columnId: string;
  let bank: Map<string, QuestionResponse>;
  let world: World;
  let serial = 0;
  const person = async (): Promise<{ auth: Auth; id: string }> => {
    const login = await devLogin(t, `study-${db}-${++serial}`, `学员${serial}`);
    return { auth: login.auth, id: login.user.id };
  };
  const checkin = (auth: Auth) => t.http().post('/api/study/checkin-day').set(auth).expect(200);
  const myPoints = async (auth: Auth) => (await t.http().get('/api/study/me/points').set(auth).expect(200)).body as MyPointsResponse;
  const ruleToday = (p: MyPointsResponse, rule: string) => p.rules.find((r) => r.rule === rule)!.today;
  const flagsOf = async (userId: string) =>
    ((await t.http().get('/api/admin/study/flags?limit=100').set(admin).expect(200)).body.items as Array<{ userId: string; kind: string }>).filter((f) => f.userId === userId).map((f) => f.kind);

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
    columnId = await studyColumn(t, admin);
    bank = await questionBank(t, admin);
    world = await createWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => startOfStudyMorning(t));
  afterEach(() => t.app.get(Clock).reset());

  describe('content', () => {
    // A seed check, kept on purpose: the demo seed's study content (columns, lessons, 30+ sample questions).
    it('seeds sample columns, lessons and 30+ questions labelled as samples', async () => {
      const { auth } = await person();
      const columns = (await t.http().get('/api/study/columns').set(auth).expect(200)).body as StudyColumnResponse[];
      expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['党的创新理论', '党章党规', '产业政策', '先进典型']));
      const policy = columns.find((c) => c.name === '产业政策')!;
      const lessons = await t.http().get(`/api/study/columns/${policy.id}/lessons`).set(auth).expect(200);
      expect(lessons.body.items.map((l: { title: string }) => l.title).join()).toMatch(/专精特新.*营商环境|营商环境.*专精特新/);
      const detail = await t.http().get(`/api/study/lessons/${lessons.body.items[0].id}`).set(auth).expect(200);
      expect(detail.body).toMatchObject({ isSample: true, completed: false, creditedSeconds: 0 });
      expect(detail.body.blocks[0].text).toContain('示例内容');
      expect([...bank.values()].filter((q) => q.isSample).length).toBeGreaterThanOrEqual(30);
    });

    it('keeps drafts from members, refuses HTML blocks and audits admin writes', async () => {
      const { auth } = await person();
      const draft = await publishedLesson(t, admin, columnId, { title: '草稿课程', status: 'DRAFT' });
      await t.http().get(`/api/study/lessons/${draft.id}`).set(auth).expect(404);
      await t.http().post(`/api/study/lessons/${draft.id}/sessions`).set(auth).expect(404);
      await t.http().patch(`/api/admin/study/lessons/${draft.id}`).set(admin).send({ status: 'PUBLISHED' }).expect(200);
      await t.http().get(`/api/study/lessons/${draft.id}`).set(auth).expect(200);
      await t.http().post('/api/admin/study/lessons').set(admin).send({ columnId, title: 'x', kind: 'ARTICLE', summary: '', blocks: [{ type: 'html', text: '<script>' }], minutes: 1 }).expect(400);
      await t.http().post('/api/admin/study/lessons').set(admin).send({ columnId, title: 'x', kind: 'VIDEO', summary: '', blocks: [], minutes: 1 }).expect(400);
      await t.http().post('/api/admin/study/columns').set(auth).send({ name: 'x', description: '' }).expect(403);
      const audit = await t.http().get('/api/admin/audit-logs?entityType=study_lesson').set(admin).expect(200);
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['study.lesson.create', 'study.lesson.publish']));
    });
  });

  describe('server-credited study time', () => {
    it('ends a session right after a heartbeat without flagging the person', async () => {
      const { auth, id } = await person();
      const lesson = await publishedLesson(t, admin, columnId, { minutes: 10 });
      await checkin(auth);
      const session = await startSession(t, auth, lesson.id);
      await t.http().post(`/api/study/sessions/${session.sessionId}/end`).set(auth).expect(200);
      expect(await flagsOf(id)).not.toContain('HEARTBEAT_TOO_FAST');
    });

    it('credits only wall-clock time measured by the server, capped per heartbeat', async () => {
      const { auth, id } = await person();
      const lesson = await publishedLesson(t, admin, columnId, { minutes: 10 });
      await checkin(auth);
      // Only the moved clock counts: a slow machine's real seconds between requests must not add to the figures.
      t.app.get(Clock).freeze();
      const session = await startSession(t, auth, lesson.id);
      expect(session).toMatchObject({ creditedNow: 0, lessonCreditedSeconds: 0, requiredSeconds: 300, heartbeatSeconds: 30 });
      const claimed = await t.http().post(`/api/study/sessions/${session.sessionId}/heartbeat`).set(auth).send({ seconds: 600 }).expect(400);
      expect(claimed.body.code).toBe('VALIDATION_FAILED');
      const tooSoon = await beatAfter(t, auth, session.sessionId, 2);
      expect(tooSoon.creditedNow).toBe(0);
      expect(await flagsOf(id)).toContain('HEARTBEAT_TOO_FAST');
      const normal = await beatAfter(t, auth, session.sessionId, 23);
      expect(normal.creditedNow).toBe(25);
      const afterLongPause = await beatAfter(t, auth, session.sessionId, 600);
      expect(afterLongPause).toMatchObject({ creditedNow: 30, lessonCreditedSeconds: 55, todayStudySeconds: 55, completed: false });
      t.app.get(Clock).travel(30000);
      const hidden = await t.http().post(`/api/study/sessions/${session.sessionId}/heartbeat`).set(auth).send({ visible: false }).expect(200);
      expect(hidden.body.creditedNow).toBe(0);
      t.app.get(Clock).travel(12000);
      const bodiless = await t.http().post(`/api/study/sessions/${session.sessionId}/heartbeat`).set(auth).expect(200);
      expect(bodiless.body.creditedNow).toBe(12);
      const detail = await t.http().get(`/api/study/lessons/${lesson.id}`).set(auth).expect(200);
      expect(detail.body.creditedSeconds).toBe(67);
      // The column's list shows how far a begun lesson is, for this reader only.
      const inList = async (who: typeof auth) => {
        for (let cursor: string | null = null, first = true; first || cursor; first = false) {
          const page = (await t.http().get(`/api/study/columns/${columnId}/lessons`).query({ limit: 50, ...(cursor ? { cursor } : {}) }).set(who).expect(200)).body as Page<LessonSummary>;
          const found = page.items.find((l) => l.id === lesson.id);
          if (found) return found;
          cursor = page.nextCursor;
        }
        throw new Error('lesson not in its column');
      };
      expect(await inList(auth)).toMatchObject({ completed: false, creditedSeconds: 67, requiredSeconds: 300 });
      expect(await inList((await person()).auth)).toMatchObject({ completed: false, creditedSeconds: 0, requiredSeconds: 300 });
    });

    it('marks a lesson read after its required time, credits one of two concurrent heartbeats, and caps reading at 6 a day', async () => {
      const { auth } = await person();
      await checkin(auth);
      t.app.get(Clock).freeze();
      let reads = 0;
      for (let i = 0; i < 7; i++) {
        const lesson = await publishedLesson(t, admin, columnId, { title: `短文${i}` });
        const session = await startSession(t, auth, lesson.id);
        const first = await beatAfter(t, auth, session.sessionId, 20);
        expect(first.completed).toBe(false);
        t.app.get(Clock).travel(10000);
        const [a, b] = await Promise.all([
          t.http().post(`/api/study/sessions/${session.sessionId}/heartbeat`).set(auth).send({}).expect(200),
          t.http().post(`/api/study/sessions/${session.sessionId}/heartbeat`).set(auth).send({}).expect(200),
        ]);
        expect([a.body.creditedNow, b.body.creditedNow].sort()).toEqual([0, 10]);
        const done = a.body.creditedNow ? a.body : b.body;
        expect(done).toMatchObject({ completed: true, lessonCreditedSeconds: 30 });
        reads += done.pointsAwarded;
      }
      expect(reads).toBe(6);
      const points = await myPoints(auth);
      expect(ruleToday(points, 'LESSON_READ')).toBe(6);
      const lines = (await t.http().get('/api/study/me/points/history?limit=100').set(auth).expect(200)).body.items as Array<{ rule: string; ruleLabel: string }>;
      expect(lines.filter((l) => l.rule === 'LESSON_READ')).toHaveLength(6);
      expect(lines[0].ruleLabel).toBe('阅读文章');
      const columns = (await t.http().get('/api/study/columns').set(auth).expect(200)).body as StudyColumnResponse[];
      expect(columns.find((c) => c.id === columnId)!.completedCount).toBeGreaterThanOrEqual(7);
    });

    it('gives 1 point per 4 minutes of credited time, at most 8 a day', async () => {
      const { auth } = await person();
      const lesson = await publishedLesson(t, admin, columnId, { minutes: 120 });
      await checkin(auth);
      const session = await startSession(t, auth, lesson.id);
      let earned = 0;
      for (let i = 0; i < 80; i++) earned += (await beatAfter(t, auth, session.sessionId, 30)).pointsAwarded;
      const points = await myPoints(auth);
      expect(points.todayStudySeconds).toBe(2400);
      expect(ruleToday(points, 'STUDY_TIME')).toBe(8);
      // 120 minutes of lesson: read (1 point) after the 900 s cap on required time.
      expect(ruleToday(points, 'LESSON_READ')).toBe(1);
      expect(earned).toBe(9);
      expect(points.today).toBe(9);
    });

    it('flags two lessons at once and ends the first session', async () => {
      const { auth, id } = await person();
      await checkin(auth);
      const a = await publishedLesson(t, admin, columnId, { title: '甲' });
      const b = await publishedLesson(t, admin, columnId, { title: '乙' });
      const first = await startSession(t, auth, a.id);
      await beatAfter(t, auth, first.sessionId, 15);
      await startSession(t, auth, b.id);
      expect(await flagsOf(id)).toContain('PARALLEL_LESSONS');
      t.app.get(Clock).travel(20000);
      const ended = await t.http().post(`/api/study/sessions/${first.sessionId}/heartbeat`).set(auth).send({}).expect(409);
      expect(ended.body.code).toBe('STUDY_SESSION_ENDED');
      const other = await person();
      await t.http().post(`/api/study/sessions/${first.sessionId}/heartbeat`).set(other.auth).send({}).expect(404);
    });

    it('flags and does not credit points earned before the day’s sign-in', async () => {
      const { auth, id } = await person();
      const lesson = await publishedLesson(t, admin, columnId);
      const session = await startSession(t, auth, lesson.id);
      const beat = await beatAfter(t, auth, session.sessionId, 30);
      expect(beat).toMatchObject({ completed: true, pointsAwarded: 0 });
      expect(await flagsOf(id)).toContain('POINTS_BEFORE_CHECKIN');
      expect((await myPoints(auth)).today).toBe(0);
    });
  });

  describe('points ledger', () => {
    it('holds a daily cap and a source key under concurrent awards', async () => {
      const { auth, id } = await person();
      await checkin(auth);
      const points = t.app.get(PointsService);
      const tx = t.app.get(Tx);
      const who = { id: Number(id), orgId: null, enterpriseId: null };
      const now = t.app.get(Clock).now();
      const grants = await Promise.all(
        Array.from({ length: 10 }, (_, i) => tx.run((m) => points.awardIn(m, who, { rule: 'LESSON_READ', points: 1, sourceKey: `bulk:${i}` }, now))),
      );
      expect(grants.reduce((a, b) => a + b, 0)).toBe(6);
      const same = await Promise.allSettled(
        [1, 2, 3].map(() => tx.run((m) => points.awardIn(m, who, { rule: 'PAPER', points: 10, sourceKey: 'paper:same' }, now))),
      );
      const granted = same.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value);
      expect(granted.reduce((a, b) => a + b, 0)).toBe(10);
      const mine = await myPoints(auth);
      expect(mine).toMatchObject({ today: 16, total: 16, week: 16 });
      const rows = await t.dataSource.query(`SELECT COUNT(*) AS n, SUM(points) AS s FROM study_points_ledger WHERE userId = ${Number(id)}`);
      expect(Number(rows[0].n)).toBe(7);
      expect(Number(rows[0].s)).toBe(16);
    });
  });

  describe('daily quiz', () => {
    it('draws 5 questions without answers, once a day, and rotates the draw', async () => {
      const { auth } = await person();
      const quiz = (await t.http().get('/api/study/daily-quiz').set(auth).expect(200)).body as DailyQuizResponse;
      expect(quiz.questions).toHaveLength(5);
      expect(quiz.submitted).toBe(false);
      for (const leak of LEAKS) expect(keysOf(quiz).has(leak)).toBe(false);
      const again = (await t.http().get('/api/study/daily-quiz').set(auth).expect(200)).body as DailyQuizResponse;
      expect(again.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id));
      const partial = answersFor(quiz.questions, bank).slice(1);
      expect((await t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers: partial }).expect(422)).body.code).toBe('QUIZ_ANSWER_INVALID');
      await t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers: answersFor(quiz.questions, bank), spentSeconds: 999 }).expect(400);

      t.app.get(Clock).travel(60000);
      const answers = answersFor(quiz.questions, bank);
      const [a, b] = await Promise.all([
        t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers }),
        t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const result = a.status === 200 ? a.body : b.body;
      expect(result).toMatchObject({ correctCount: 5, total: 5, pointsAwarded: 2, flagged: false });
      expect(result.items[0].explanation).toBeTruthy();
      expect(result.items[0].correctAnswer).toEqual(shownKey(quiz.questions[0], bank));
      expect(result.items[0].options).toEqual(quiz.questions[0].options);
      expect((await t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers }).expect(409)).body.code).toBe('DAILY_QUIZ_DONE');
      expect(ruleToday(await myPoints(auth), 'DAILY_QUIZ')).toBe(2);

      t.app.get(Clock).travel(24 * 3600 * 1000);
      const tomorrow = (await t.http().get('/api/study/daily-quiz').set(auth).expect(200)).body as DailyQuizResponse;
      expect(tomorrow.day).not.toBe(quiz.day);
      expect(tomorrow.questions.filter((q) => quiz.questions.some((p) => p.id === q.id))).toEqual([]);
      t.app.get(Clock).travel(60000);
      const oneWrong = await t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers: answersFor(tomorrow.questions, bank, 1) }).expect(200);
      expect(oneWrong.body).toMatchObject({ correctCount: 4, pointsAwarded: 1 });
    });

    it('shuffles options per person and attempt, keeps the order on reload, grades in shown positions and shows my pick', async () => {
      const people = await Promise.all([1, 2, 3, 4].map(() => person()));
      const quizzes: DailyQuizResponse[] = [];
      for (const p of people) quizzes.push((await t.http().get('/api/study/daily-quiz').set(p.auth).expect(200)).body as DailyQuizResponse);
      for (const quiz of quizzes) for (const leak of LEAKS) expect(keysOf(quiz).has(leak)).toBe(false);
      // Same person, reload: the same order (across people and attempts: the paper below).
      const reload = (await t.http().get('/api/study/daily-quiz').set(people[0].auth).expect(200)).body as DailyQuizResponse;
      expect(reload.questions).toEqual(quizzes[0].questions);
      for (const quiz of quizzes) for (const q of quiz.questions) expect([...q.options].sort()).toEqual([...bank.get(q.id)!.options].sort());
      const allOrders = quizzes.flatMap((quiz) => quiz.questions.filter((q) => q.type !== 'JUDGE').map((q) => shownKey(q, bank).join()));
      expect(new Set(allOrders).size).toBeGreaterThan(1); // the key is not always in the same position
      // "Always the first option" no longer passes; the right answers in shown positions do.
      t.app.get(Clock).travel(60000);
      const firsts = await t.http().post('/api/study/daily-quiz/submit').set(people[1].auth).send({ answers: quizzes[1].questions.map((q) => ({ questionId: q.id, choice: [0] })) }).expect(200);
      const expectedRight = quizzes[1].questions.filter((q) => shownKey(q, bank).join() === '0').length;
      expect(firsts.body.correctCount).toBe(expectedRight);
      for (const [i, item] of (firsts.body as DailyQuizResponse['result'])!.items.entries()) {
        expect(item.choice).toEqual([0]);
        expect(item.options).toEqual(quizzes[1].questions[i].options);
        expect(item.correctAnswer).toEqual(shownKey(quizzes[1].questions[i], bank));
        expect(item.isCorrect).toBe(item.correctAnswer.join() === '0');
      }
      const right = await t.http().post('/api/study/daily-quiz/submit').set(people[2].auth).send({ answers: answersFor(quizzes[2].questions, bank) }).expect(200);
      expect(right.body.correctCount).toBe(5);
      // After submitting, the day's quiz shows the result in the same shown order.
      const after = (await t.http().get('/api/study/daily-quiz').set(people[1].auth).expect(200)).body as DailyQuizResponse;
      expect(after.result!.items.map((i) => i.choice)).toEqual(quizzes[1].questions.map(() => [0]));
      expect(after.result!.items.map((i) => i.options)).toEqual(quizzes[1].questions.map((q) => q.options));

      // Papers: two attempts of one person at the same fixed paper see the options in different orders.
      const ids = [...bank.values()].filter((q) => q.type !== 'JUDGE' && q.enabled).slice(0, 6).map((q) => q.id);
      const paper = await t.http().post('/api/admin/study/papers').set(admin).send({ title: '乱序测试', description: '', mode: 'FIXED', questionIds: ids, timeLimitMinutes: 30, passScore: 60, maxAttempts: 2, status: 'PUBLISHED' }).expect(201);
      const taker = people[3].auth;
      const first = (await t.http().post(`/api/study/papers/${paper.body.id}/attempts`).set(taker).expect(201)).body as PaperAttemptResponse;
      for (const leak of LEAKS) expect(keysOf(first).has(leak)).toBe(false);
      t.app.get(Clock).travel(60000);
      const graded = (await t.http().post(`/api/study/paper-attempts/${first.id}/submit`).set(taker).send({ answers: answersFor(first.questions, bank, 2) }).expect(200)).body as PaperAttemptResponse;
      expect(graded.result).toMatchObject({ correctCount: 4, total: 6, score: 67 });
      const second = (await t.http().post(`/api/study/papers/${paper.body.id}/attempts`).set(taker).expect(201)).body as PaperAttemptResponse;
      expect(second.questions.map((q) => q.id)).toEqual(first.questions.map((q) => q.id));
      expect(second.questions.map((q) => q.options.join('|'))).not.toEqual(first.questions.map((q) => q.options.join('|')));
      const other = (await t.http().post(`/api/study/papers/${paper.body.id}/attempts`).set(people[0].auth).expect(201)).body as PaperAttemptResponse;
      expect(other.questions.map((q) => q.options.join('|'))).not.toEqual(first.questions.map((q) => q.options.join('|')));
    });

    it('seeds a demo bank whose keys are not all the first option', () => {
      const firstKeyed = [...bank.values()].filter((q) => q.isSample && q.type !== 'JUDGE' && q.answer[0] === 0).length;
      const choiceQuestions = [...bank.values()].filter((q) => q.isSample && q.type !== 'JUDGE').length;
      expect(firstKeyed).toBeLessThan(choiceQuestions / 2);
    });

    it('flags answers faster than a person can read and gives no points', async () => {
      const { auth, id } = await person();
      const quiz = (await t.http().get('/api/study/daily-quiz').set(auth).expect(200)).body as DailyQuizResponse;
      const res = await t.http().post('/api/study/daily-quiz/submit').set(auth).send({ answers: answersFor(quiz.questions, bank) }).expect(200);
      expect(res.body).toMatchObject({ correctCount: 5, pointsAwarded: 0, flagged: true });
      expect(await flagsOf(id)).toContain('ANSWER_TOO_FAST');
      expect((await myPoints(auth)).today).toBe(0);
    });
  });

  describe('papers', () => {
    it('enforces the time limit and attempts by the server clock; answers only after submitting', async () => {
      const ids = [...bank.keys()].slice(0, 4);
      const paper = await t
        .http()
        .post('/api/admin/study/papers')
        .set(admin)
        .send({ title: '限时测试', description: '', mode: 'FIXED', questionIds: ids, timeLimitMinutes: 1, passScore: 60, maxAttempts: 2, status: 'PUBLISHED' })
        .expect(201);
      const { auth } = await person();
      const first = (await t.http().post(`/api/study/papers/${paper.body.id}/attempts`).set(auth).expect(201)).body as PaperAttemptResponse;
      expect(first.questions.map((q) => q.id)).toEqual(ids);
      for (const leak of LEAKS) expect(keysOf(first).has(leak)).toBe(false);
      const resumed = (await t.http().get(`/api/study/paper-attempts/${first.id}`).set(auth).expect(200)).body;
      for (const leak of LEAKS) expect(keysOf(resumed).has(leak)).toBe(false);
      t.app.get(Clock).travel(2 * 60000);
      const late = await t.http().post(`/api/study/paper-attempts/${first.id}/submit`).set(auth).send({ answers: answersFor(first.questions, bank) }).expect(409);
      expect(late.body.code).toBe('PAPER_TIME_UP');

      const second = (await t.http().post(`/api/study/papers/${paper.body.id}/attempts`).set(auth).expect(201)).body as PaperAttemptResponse;
      expect(second.attemptNo).toBe(2);
      t.app.get(Clock).travel(30000);
      const answers = answersFor(second.questions, bank);
      const [a, b] = await Promise.all([
        t.http().post(`/api/study/paper-attempts/${second.id}/submit`).set(auth).send({ answers }),
        t.http().post(`/api/study/paper-attempts/${second.id}/submit`).set(auth).send({ answers }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const done = (a.status === 200 ? a.body : b.body) as PaperAttemptResponse;
      expect(done.result).toMatchObject({ score: 100, passed: true, pointsAwarded: 10 });
      expect(done.result!.items[0].explanation).toBeTruthy();
      expect((await t.http().post(`/api/study/papers/${paper.body.id}/attempts`).set(auth).expect(409)).body.code).toBe('PAPER_ATTEMPTS_EXHAUSTED');
      expect(ruleToday(await myPoints(auth), 'PAPER')).toBe(10);
      const list = (await t.http().get('/api/study/papers').set(auth).expect(200)).body as Array<{ id: string; attemptsUsed: number; bestScore: number }>;
      expect(list.find((p) => p.id === paper.body.id)).toMatchObject({ attemptsUsed: 2, bestScore: 100 });
    });
  });

  describe('leaderboards', () => {
    it('shows only people who opted in, with a notice, and my rank', async () => {
      const a = await person();
      const b = await person();
      for (const p of [a, b]) await checkin(p.auth);
      const points = t.app.get(PointsService);
      const now = t.app.get(Clock).now();
      await t.app.get(Tx).run((m) => points.awardIn(m, { id: Number(a.id), orgId: null, enterpriseId: null }, { rule: 'PAPER', points: 500, sourceKey: 'lb:a' }, now));
      await t.app.get(Tx).run((m) => points.awardIn(m, { id: Number(b.id), orgId: null, enterpriseId: null }, { rule: 'PAPER', points: 400, sourceKey: 'lb:b' }, now));

      const hidden = (await t.http().get('/api/study/leaderboard?scope=TOTAL').set(a.auth).expect(200)).body as LeaderboardResponse;
      expect(hidden.notice).toContain('不作为');
      expect(hidden.items.map((i) => i.userId)).not.toContain(a.id);
      expect(hidden.me).toMatchObject({ optedIn: false, points: 500, rank: null });

      await t.http().put('/api/study/me/leaderboard-opt-in').set(a.auth).send({ optIn: true }).expect(200);
      await t.http().put('/api/study/me/leaderboard-opt-in').set(b.auth).send({ optIn: true }).expect(200);
      for (const scope of ['TOTAL', 'WEEK']) {
        const board = (await t.http().get(`/api/study/leaderboard?scope=${scope}`).set(b.auth).expect(200)).body as LeaderboardResponse;
        expect(board.items.slice(0, 2).map((i) => i.userId)).toEqual([a.id, b.id]);
        expect(board.items[0]).toMatchObject({ rank: 1, points: 500, name: expect.any(String) });
        expect(board.me).toMatchObject({ optedIn: true, points: 400, rank: 2 });
      }
      await t.http().put('/api/study/me/leaderboard-opt-in').set(a.auth).send({ optIn: false }).expect(200);
      for (const scope of ['TOTAL', 'WEEK']) {
        const board = (await t.http().get(`/api/study/leaderboard?scope=${scope}`).set(b.auth).expect(200)).body as LeaderboardResponse;
        expect(board.items.map((i) => i.userId)).not.toContain(a.id);
        expect(board.me.rank).toBe(1);
      }
      await t.http().put('/api/study/me/leaderboard-opt-in').set(a.auth).send({ optIn: 'yes' }).expect(400);
    });

    it('shows branches and chains as participation rate and average, never individuals', async () => {
      const zhang = world.member.auth;
      await checkin(zhang);
      const lesson = await publishedLesson(t, admin, columnId, { title: '支部学习' });
      const session = await startSession(t, zhang, lesson.id);
      await beatAfter(t, zhang, session.sessionId, 30);
      for (const path of ['/api/study/boards/branches', '/api/study/boards/chains']) {
        const board = (await t.http().get(path).set(zhang).expect(200)).body;
        expect(board.notice).toContain('不作为');
        expect(board.items.length).toBeGreaterThan(0);
        for (const item of board.items) expect(Object.keys(item).sort()).toEqual(['averagePoints', 'id', 'memberCount', 'name', 'participantCount', 'participationRate']);
        expect([...keysOf(board)].filter((k) => /user/i.test(k))).toEqual([]);
      }
      const branches = (await t.http().get('/api/study/boards/branches').set(zhang).expect(200)).body;
      const own = branches.items.find((i: { id: string; name: string }) => i.id === world.branch.id && i.name === world.branch.name);
      expect(own.participantCount).toBeGreaterThanOrEqual(1);
      expect(own.participationRate).toBeGreaterThan(0);
      const chains = (await t.http().get('/api/study/boards/chains').set(zhang).expect(200)).body;
      expect(chains.items.find((i: { name: string }) => i.name === world.chain.name).participantCount).toBeGreaterThanOrEqual(1);
    });
  });

  describe('secretary participation', () => {
    it('lists who has studied this week in the secretary’s own org only', async () => {
      const zhang = world.member.auth;
      const secretary = world.secretary.auth;
      const otherSecretary = world.otherSecretary.auth;
      const own = world.branch.id;
      // A member of the same branch who has not studied.
      const wangfang = await createPerson(t, admin, world.tag, 'wangfang', { name: `${world.tag}王芳`, orgId: own, politicalStatus: 'FULL_MEMBER' });
      await checkin(zhang);
      const lesson = await publishedLesson(t, admin, columnId, { title: '支部学习二' });
      const session = await startSession(t, zhang, lesson.id);
      await beatAfter(t, zhang, session.sessionId, 30);
      const res = await t.http().get(`/api/study/orgs/${own}/participation`).set(secretary).expect(200);
      expect(res.body.orgName).toBe(world.branch.name);
      expect(res.body.items.find((i: { name: string }) => i.name === world.member.name)).toMatchObject({ studied: true });
      expect(res.body.items.find((i: { name: string }) => i.name === wangfang.name)).toMatchObject({ studied: false });
      expect([...keysOf(res.body.items)].sort()).toEqual(['name', 'studied', 'userId']);
      await t.http().get(`/api/study/orgs/${own}/participation`).set(otherSecretary).expect(404);
      await t.http().get(`/api/study/orgs/${own}/participation`).set(zhang).expect(403);
    });
  });

  describe('question import', () => {
    const sheet = (rows: string[][]) => questionSheet(t, admin, rows);
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM study_questions'))[0].n);

    it('imports nothing when any row is bad, and says which rows', async () => {
      const before = await count();
      const file = await sheet([
        ['单选', '导入题一', '甲', '乙', '', '', '', '', 'A', '解析一'],
        ['单选', '导入题二', '甲', '乙', '', '', '', '', 'D', '解析二'],
        ['判断', '导入题三', '', '', '', '', '', '', '正确', '解析三'],
        ['填空', '导入题四', '', '', '', '', '', '', 'A', '解析四'],
      ]);
      const bad = await postQuestionFile(t, admin, file).expect(422);
      expect(bad.body.code).toBe('STUDY_IMPORT_INVALID');
      expect(bad.body.details.map((d: { row: number }) => d.row)).toEqual([3, 5]);
      expect(await count()).toBe(before);
      const member = (await person()).auth;
      await postQuestionFile(t, member, file).expect(403);
      await postQuestionFile(t, admin, Buffer.from('not a spreadsheet'), { name: 'x.xlsx' }).expect(422);
    });

    it('imports a clean file in one go', async () => {
      const before = await count();
      const file = await sheet([
        ['单选', '导入题一', '甲', '乙', '', '', '', '', 'A', '解析一'],
        ['多选', '导入题二', '甲', '乙', '丙', '', '', '', 'AC', '解析二'],
        ['判断', '导入题三', '', '', '', '', '', '', '错误', '解析三'],
      ]);
      const res = await postQuestionFile(t, admin, file).expect(201);
      expect(res.body).toEqual({ imported: 3 });
      expect(await count()).toBe(before + 3);
    });
  });
});
