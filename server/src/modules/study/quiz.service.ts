import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerInput, DailyQuizResponse, PaperAttemptResponse, PaperResponse, QuizResult } from '@torch-red/shared';
import { STUDY_LIMITS, STUDY_POINTS } from '@torch-red/shared';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { toIso } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { presentQuestion, storedToShown, toOriginal } from './option-order';
import { PointsService } from './points.service';
import { enabledQuestionIds } from './question-bank.service';
import { drawQuestions, isCorrect } from './question-rules';
import { DailyQuizEntity, PaperAttemptEntity, PaperEntity, QuestionEntity, type StoredAnswer } from './question.entity';
import { chinaDay } from './study-calendar';
import { toPaperResponse, toQuizQuestion } from './study.mapper';

/** The member quiz: today's five questions and the papers (试卷) with their attempts. The bank itself: question-bank.service.ts. */
@Injectable()
export class QuizService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly points: PointsService,
  ) {}

  // ── Daily quiz ──────────────────────────────────────────────────────────────

  /** Today's five questions (drawn once per person and day, unique key), answers withheld until submitted. */
  async dailyQuiz(user: AuthUser): Promise<DailyQuizResponse> {
    await this.points.checkinDay(user);
    const now = this.clock.now();
    const day = chinaDay(now);
    const repo = this.dataSource.getRepository(DailyQuizEntity);
    let quiz = await repo.findOneBy({ userId: user.id, day });
    if (!quiz) {
      const ids = await enabledQuestionIds(this.dataSource.manager);
      if (ids.length === 0) throw new AppError('STUDY_NO_QUESTIONS');
      const recent = await repo.find({ where: { userId: user.id, day: LessThan(day) }, order: { day: 'DESC' }, take: 3 });
      const questionIds = drawQuestions(ids, new Set(recent.flatMap((q) => q.questionIds)), STUDY_LIMITS.dailyQuizSize, `${user.id}:${day}`);
      try {
        await this.tx.run((m) => m.getRepository(DailyQuizEntity).insert({ userId: user.id, day, questionIds, issuedAt: now, submittedAt: null, correctCount: null, answers: null, pointsAwarded: 0, flagged: false }));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      quiz = (await repo.findOneBy({ userId: user.id, day }))!;
    }
    const questions = present(`daily:${quiz.id}`, await this.questionsInOrder(quiz.questionIds));
    return {
      day,
      questions: questions.map((p) => toQuizQuestion(p.question)),
      submitted: quiz.submittedAt !== null,
      result: quiz.answers ? resultOf(questions, quiz.answers, quiz.pointsAwarded, quiz.flagged) : null,
    };
  }

  async submitDailyQuiz(user: AuthUser, answers: AnswerInput[]): Promise<QuizResult> {
    const now = this.clock.now();
    const day = chinaDay(now);
    return this.tx.run(async (m) => {
      const quiz = await m.getRepository(DailyQuizEntity).findOneBy({ userId: user.id, day });
      if (!quiz) throw new AppError('NOT_FOUND', '请先领取今天的题目');
      if (quiz.submittedAt) throw new AppError('DAILY_QUIZ_DONE');
      const questions = present(`daily:${quiz.id}`, await this.questionsInOrder(quiz.questionIds, m));
      const graded = grade(questions, answers);
      const correctCount = graded.filter((a) => a.correct).length;
      const tooFast = now.getTime() - quiz.issuedAt.getTime() < questions.length * STUDY_LIMITS.minSecondsPerQuestion * 1000;
      // The unique (person, day) row is claimed once: a second submit, even a concurrent one, matches nothing.
      const claimed = await m
        .createQueryBuilder()
        .update(DailyQuizEntity)
        .set({ submittedAt: now, answers: graded, correctCount, flagged: tooFast })
        .where('id = :id AND submittedAt IS NULL', { id: quiz.id })
        .execute();
      if (!claimed.affected) throw new AppError('DAILY_QUIZ_DONE');
      let awarded = 0;
      if (tooFast) {
        await this.points.flagIn(m, user.id, 'ANSWER_TOO_FAST', `quiz:${quiz.id}`, { quizId: quiz.id, day, seconds: (now.getTime() - quiz.issuedAt.getTime()) / 1000 });
      } else {
        const full = correctCount === questions.length;
        awarded = await this.points.awardIn(m, user, { rule: 'DAILY_QUIZ', points: full ? STUDY_POINTS.dailyQuizFull : STUDY_POINTS.dailyQuizOther, sourceKey: `quiz:${day}` }, now);
        await m.getRepository(DailyQuizEntity).update({ id: quiz.id }, { pointsAwarded: awarded });
      }
      return resultOf(questions, graded, awarded, tooFast);
    });
  }

  // ── Papers ──────────────────────────────────────────────────────────────────

  async papers(user: AuthUser): Promise<PaperResponse[]> {
    const papers = await this.dataSource.getRepository(PaperEntity).find({ where: { status: 'PUBLISHED' }, order: { id: 'DESC' } });
    if (papers.length === 0) return [];
    const attempts = await this.dataSource.getRepository(PaperAttemptEntity).find({
      select: { paperId: true, score: true },
      where: { userId: user.id, paperId: In(papers.map((p) => p.id)) },
    });
    return papers.map((p) => {
      const mine = attempts.filter((a) => a.paperId === p.id);
      const scores = mine.map((a) => a.score).filter((s): s is number => s !== null);
      return toPaperResponse(p, { attemptsUsed: mine.length, bestScore: scores.length ? Math.max(...scores) : null });
    });
  }

  /** Starts an attempt (or returns the open one); the deadline is fixed now by the server clock. */
  async startAttempt(user: AuthUser, paperId: number): Promise<PaperAttemptResponse> {
    await this.points.checkinDay(user);
    const paper = await this.dataSource.getRepository(PaperEntity).findOneBy({ id: paperId, status: 'PUBLISHED' });
    if (!paper) throw new AppError('NOT_FOUND');
    const now = this.clock.now();
    const attempt = await this.tx.run(async (m) => {
      const repo = m.getRepository(PaperAttemptEntity);
      const mine = await repo.find({ where: { paperId, userId: user.id }, order: { attemptNo: 'DESC' } });
      const open = mine.find((a) => !a.submittedAt && a.deadlineAt.getTime() + STUDY_LIMITS.paperGraceSeconds * 1000 > now.getTime());
      if (open) return open;
      if (mine.length >= paper.maxAttempts) throw new AppError('PAPER_ATTEMPTS_EXHAUSTED');
      const questionIds = paper.mode === 'FIXED' ? paper.questionIds : drawQuestions(await enabledQuestionIds(m), new Set(), paper.drawCount, `paper:${paperId}:${user.id}:${mine.length + 1}`);
      if (questionIds.length === 0) throw new AppError('STUDY_NO_QUESTIONS');
      // attemptNo is unique per person and paper: two concurrent starts cannot both take attempt n.
      return repo.save(
        repo.create({
          paperId,
          userId: user.id,
          attemptNo: (mine[0]?.attemptNo ?? 0) + 1,
          questionIds,
          startedAt: now,
          deadlineAt: new Date(now.getTime() + paper.timeLimitMinutes * 60000),
          submittedAt: null,
          score: null,
          passed: false,
          expired: false,
          answers: null,
          pointsAwarded: 0,
          flagged: false,
        }),
      );
    });
    return this.attemptView(attempt, paper);
  }

  async attempt(user: AuthUser, id: number): Promise<PaperAttemptResponse> {
    const attempt = await this.dataSource.getRepository(PaperAttemptEntity).findOneBy({ id, userId: user.id });
    if (!attempt) throw new AppError('NOT_FOUND');
    return this.attemptView(attempt, (await this.dataSource.getRepository(PaperEntity).findOneBy({ id: attempt.paperId }))!);
  }

  async submitAttempt(user: AuthUser, id: number, answers: AnswerInput[]): Promise<PaperAttemptResponse> {
    const now = this.clock.now();
    const outcome = await this.tx.run(async (m) => {
      const repo = m.getRepository(PaperAttemptEntity);
      const attempt = await repo.findOneBy({ id, userId: user.id });
      if (!attempt) throw new AppError('NOT_FOUND');
      if (attempt.submittedAt) throw new AppError('CONFLICT', '本次作答已提交');
      const paper = (await m.getRepository(PaperEntity).findOneBy({ id: attempt.paperId }))!;
      if (now.getTime() > attempt.deadlineAt.getTime() + STUDY_LIMITS.paperGraceSeconds * 1000) {
        await repo.createQueryBuilder().update().set({ submittedAt: now, expired: true }).where('id = :id AND submittedAt IS NULL', { id }).execute();
        return { late: true as const };
      }
      const questions = present(`attempt:${attempt.id}`, await this.questionsInOrder(attempt.questionIds, m));
      const graded = grade(questions, answers);
      const correct = graded.filter((a) => a.correct).length;
      const score = Math.round((correct * 100) / questions.length);
      const passed = score >= paper.passScore;
      const tooFast = now.getTime() - attempt.startedAt.getTime() < questions.length * STUDY_LIMITS.minSecondsPerQuestion * 1000;
      const claimed = await m
        .createQueryBuilder()
        .update(PaperAttemptEntity)
        .set({ submittedAt: now, answers: graded, score, passed, flagged: tooFast })
        .where('id = :id AND submittedAt IS NULL', { id })
        .execute();
      if (!claimed.affected) throw new AppError('CONFLICT', '本次作答已提交');
      let awarded = 0;
      const earned = score === 100 ? STUDY_POINTS.paperFull : passed ? STUDY_POINTS.paperPass : 0;
      if (tooFast) {
        await this.points.flagIn(m, user.id, 'ANSWER_TOO_FAST', `attempt:${id}`, { attemptId: id, paperId: paper.id, seconds: (now.getTime() - attempt.startedAt.getTime()) / 1000 });
      } else if (earned > 0) {
        awarded = await this.points.awardIn(m, user, { rule: 'PAPER', points: earned, sourceKey: `paper:${paper.id}` }, now);
        await repo.update({ id }, { pointsAwarded: awarded });
      }
      return { late: false as const };
    });
    if (outcome.late) throw new AppError('PAPER_TIME_UP');
    return this.attempt(user, id);
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async questionsInOrder(ids: number[], m: EntityManager = this.dataSource.manager): Promise<QuestionEntity[]> {
    const rows = await m.getRepository(QuestionEntity).findBy({ id: In(ids) });
    const byId = new Map(rows.map((q) => [q.id, q]));
    return ids.map((id) => byId.get(id)).filter((q): q is QuestionEntity => q !== undefined);
  }

  private async attemptView(a: PaperAttemptEntity, paper: PaperEntity): Promise<PaperAttemptResponse> {
    const questions = present(`attempt:${a.id}`, await this.questionsInOrder(a.questionIds));
    return {
      id: String(a.id),
      paperId: String(a.paperId),
      attemptNo: a.attemptNo,
      startedAt: toIso(a.startedAt),
      deadlineAt: toIso(a.deadlineAt),
      questions: questions.map((p) => toQuizQuestion(p.question)),
      submitted: a.submittedAt !== null,
      result: a.answers && a.score !== null ? { ...resultOf(questions, a.answers, a.pointsAwarded, a.flagged), score: a.score, passed: a.score >= paper.passScore } : null,
    };
  }
}

type Presented = ReturnType<typeof presentQuestion>;

/** Each question with its options in the order this daily quiz / attempt shows them (see option-order.ts). */
function present(seed: string, questions: QuestionEntity[]): Presented[] {
  return questions.map((q) => presentQuestion(seed, q));
}

/**
 * Every drawn question answered exactly once with options that exist; anything else is refused whole. Choices come in
 * shown positions and are graded against the shown key; they are stored as original option indexes.
 */
function grade(questions: Presented[], answers: AnswerInput[]): StoredAnswer[] {
  const given = new Map(answers.map((a) => [Number(a.questionId), a.choice]));
  if (given.size !== answers.length || answers.length !== questions.length) throw new AppError('QUIZ_ANSWER_INVALID');
  return questions.map(({ question: q, order }) => {
    const choice = given.get(q.id);
    if (!choice || choice.length === 0 || choice.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length)) throw new AppError('QUIZ_ANSWER_INVALID');
    if (q.type !== 'MULTIPLE' && new Set(choice).size !== 1) throw new AppError('QUIZ_ANSWER_INVALID');
    return { questionId: q.id, choice: toOriginal(order, [...new Set(choice)]), correct: isCorrect(q.answer, choice) };
  });
}

/** The result in shown positions: the person's choice and the key both index the options as they saw them. */
function resultOf(questions: Presented[], stored: StoredAnswer[], pointsAwarded: number, flagged: boolean): QuizResult {
  const orderOf = new Map(questions.map((p) => [p.question.id, p.order]));
  const answers = stored.map((a) => (orderOf.has(a.questionId) ? storedToShown(orderOf.get(a.questionId)!, a) : a));
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const items = questions.map(({ question: q }) => {
    const a = byId.get(q.id);
    return {
      questionId: String(q.id),
      type: q.type,
      stem: q.stem,
      options: q.options,
      choice: a?.choice ?? [],
      correctAnswer: q.answer,
      isCorrect: a?.correct ?? false,
      explanation: q.explanation,
    };
  });
  return { correctCount: items.filter((i) => i.isCorrect).length, total: items.length, pointsAwarded, flagged, items };
}
