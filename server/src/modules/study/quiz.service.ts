import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AnswerInput,
  DailyQuizResponse,
  ImportQuestionsResponse,
  ImportRowError,
  Page,
  PaperAttemptResponse,
  PaperResponse,
  QuestionResponse,
  QuizResult,
} from '@torch-red/shared';
import { STUDY_LIMITS, STUDY_POINTS } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { cellText } from '../../common/xlsx/spreadsheet';
import { isUniqueViolation } from '../../database/db-errors';
import { toIso } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import type { CreatePaperDto, CreateQuestionDto, QuestionAdminQueryDto, UpdatePaperDto, UpdateQuestionDto } from './dto/study.dto';
import { PointsService } from './points.service';
import { checkQuestion, drawQuestions, isCorrect, parseImportRow, type QuestionInput } from './question-rules';
import { DailyQuizEntity, PaperAttemptEntity, PaperEntity, QuestionEntity, type StoredAnswer } from './question.entity';
import { chinaDay } from './study-calendar';
import { definedOnly } from './study-content.service';
import { toPaperResponse, toQuestionResponse, toQuizQuestion } from './study.mapper';

const IMPORT_HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'];

@Injectable()
export class QuizService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
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
      const ids = await this.enabledIds();
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
    const questions = await this.questionsInOrder(quiz.questionIds);
    return {
      day,
      questions: questions.map(toQuizQuestion),
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
      const questions = await this.questionsInOrder(quiz.questionIds, m);
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
      const questionIds = paper.mode === 'FIXED' ? paper.questionIds : drawQuestions(await this.enabledIds(m), new Set(), paper.drawCount, `paper:${paperId}:${user.id}:${mine.length + 1}`);
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
      const questions = await this.questionsInOrder(attempt.questionIds, m);
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

  // ── Admin: question bank, import, papers ────────────────────────────────────

  async adminQuestions(query: QuestionAdminQueryDto): Promise<Page<QuestionResponse>> {
    const rows = await this.dataSource.getRepository(QuestionEntity).find({
      where: { ...(query.type ? { type: query.type } : {}), ...(query.cursor ? { id: LessThan(Number(query.cursor)) } : {}) },
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return { items: page.map(toQuestionResponse), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  async createQuestion(user: AuthUser, dto: CreateQuestionDto): Promise<QuestionResponse> {
    const question = requireQuestion(dto);
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(QuestionEntity);
      const row = await repo.save(repo.create({ ...question, enabled: dto.enabled ?? true, isSample: false }));
      await this.audit.record({ actorId: user.id, action: 'study.question.create', entityType: 'study_question', entityId: row.id, after: { type: row.type, stem: row.stem } }, m);
      return row;
    });
    return toQuestionResponse(saved);
  }

  async updateQuestion(user: AuthUser, id: number, dto: UpdateQuestionDto): Promise<QuestionResponse> {
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(QuestionEntity);
      const row = await repo.findOneBy({ id });
      if (!row) throw new AppError('NOT_FOUND');
      const before = toQuestionResponse(row);
      const { enabled, ...rest } = definedOnly(dto);
      const question = requireQuestion({ type: row.type, stem: row.stem, options: row.options, answer: row.answer, explanation: row.explanation, ...rest });
      Object.assign(row, question, enabled !== undefined ? { enabled } : {});
      const after = await repo.save(row);
      await this.audit.record({ actorId: user.id, action: 'study.question.update', entityType: 'study_question', entityId: id, before, after: toQuestionResponse(after) }, m);
      return after;
    });
    return toQuestionResponse(saved);
  }

  async importTemplate(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('题目');
    sheet.addRow(IMPORT_HEADER);
    sheet.addRow(['单选', '中国共产党的根本宗旨是什么？', '全心全意为人民服务', '实现共产主义', '发展生产力', '', '', '', 'A', '党章规定，党的根本宗旨是全心全意为人民服务。']);
    sheet.addRow(['多选', '产业链党建可以推动哪些方面协同？', '技术攻关', '人才交流', '市场开拓', '', '', '', 'ABC', '产业链党建以党建链串联产业链上下游，推动多方面协同。']);
    sheet.addRow(['判断', '“专精特新”中的“新”指新颖化。', '', '', '', '', '', '', '正确', '专精特新即专业化、精细化、特色化、新颖化。']);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => (c.width = i === 1 || i === 9 ? 40 : 14));
    const help = workbook.addWorksheet('填写说明');
    for (const line of [
      '题型：单选 / 多选 / 判断',
      '选项：单选、多选填 2 到 6 个选项（选项A 起连续填写）；判断题不填选项',
      '答案：单选填一个字母（如 A），多选填多个字母（如 ACD），判断填 正确 或 错误',
      '解析：必填，答题后展示给学员',
      '任何一行有错误时整份文件都不会导入，请按提示修改后重新上传',
    ]) {
      help.addRow([line]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Validates every row first; only a file without errors is inserted, in one transaction. */
  async importQuestions(user: AuthUser, file: Buffer): Promise<ImportQuestionsResponse> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new AppError('STUDY_IMPORT_INVALID', '无法读取文件，请使用下载的 .xlsx 模板', [{ row: 0, message: '不是有效的 .xlsx 文件' }] satisfies ImportRowError[]);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('STUDY_IMPORT_INVALID', '文件中没有工作表', [{ row: 0, message: '文件中没有工作表' }] satisfies ImportRowError[]);
    const header = IMPORT_HEADER.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
    if (header.join('|') !== IMPORT_HEADER.join('|')) {
      throw new AppError('STUDY_IMPORT_INVALID', '表头与模板不一致，请使用下载的模板', [{ row: 1, message: `表头应为：${IMPORT_HEADER.join('、')}` }] satisfies ImportRowError[]);
    }
    const errors: ImportRowError[] = [];
    const questions: QuestionInput[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cells = IMPORT_HEADER.map((_, i) => cellText(sheet.getRow(r).getCell(i + 1).value));
      if (cells.every((c) => !c)) continue;
      const parsed = parseImportRow(cells);
      if ('error' in parsed) errors.push({ row: r, message: parsed.error });
      else questions.push(parsed.question);
    }
    if (questions.length + errors.length > STUDY_LIMITS.importMaxRows) {
      throw new AppError('STUDY_IMPORT_INVALID', `一次最多导入 ${STUDY_LIMITS.importMaxRows} 题`, [{ row: 0, message: `一次最多导入 ${STUDY_LIMITS.importMaxRows} 题` }]);
    }
    if (errors.length) throw new AppError('STUDY_IMPORT_INVALID', `第 ${errors[0].row} 行：${errors[0].message}（共 ${errors.length} 行有错误，未导入任何题目）`, errors);
    if (questions.length === 0) throw new AppError('STUDY_IMPORT_INVALID', '文件中没有题目', [{ row: 2, message: '文件中没有题目' }]);
    await this.tx.run(async (m) => {
      for (let i = 0; i < questions.length; i += 100) {
        await m.getRepository(QuestionEntity).insert(questions.slice(i, i + 100).map((q) => ({ ...q, enabled: true, isSample: false })));
      }
      await this.audit.record({ actorId: user.id, action: 'study.question.import', entityType: 'study_question', entityId: null, after: { imported: questions.length } }, m);
    });
    return { imported: questions.length };
  }

  async adminPapers(): Promise<PaperResponse[]> {
    const papers = await this.dataSource.getRepository(PaperEntity).find({ order: { id: 'DESC' } });
    return papers.map((p) => toPaperResponse(p, { attemptsUsed: 0, bestScore: null }));
  }

  async createPaper(user: AuthUser, dto: CreatePaperDto): Promise<PaperResponse> {
    const saved = await this.tx.run(async (m) => {
      const fields = await this.paperFields(m, dto.mode, dto.questionIds, dto.drawCount);
      const repo = m.getRepository(PaperEntity);
      const row = await repo.save(
        repo.create({
          title: dto.title,
          description: dto.description,
          mode: dto.mode,
          ...fields,
          timeLimitMinutes: dto.timeLimitMinutes,
          passScore: dto.passScore,
          maxAttempts: dto.maxAttempts,
          status: dto.status ?? 'DRAFT',
          isSample: false,
        }),
      );
      await this.audit.record({ actorId: user.id, action: 'study.paper.create', entityType: 'study_paper', entityId: row.id, after: { title: row.title, mode: row.mode, status: row.status } }, m);
      return row;
    });
    return toPaperResponse(saved, { attemptsUsed: 0, bestScore: null });
  }

  async updatePaper(user: AuthUser, id: number, dto: UpdatePaperDto): Promise<PaperResponse> {
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(PaperEntity);
      const row = await repo.findOneBy({ id });
      if (!row) throw new AppError('NOT_FOUND');
      const before = { title: row.title, status: row.status, timeLimitMinutes: row.timeLimitMinutes, passScore: row.passScore, maxAttempts: row.maxAttempts };
      const { questionIds, drawCount, mode, ...rest } = definedOnly(dto);
      const nextMode = mode ?? row.mode;
      const fields = await this.paperFields(m, nextMode, questionIds ?? row.questionIds.map(String), drawCount ?? row.drawCount);
      Object.assign(row, rest, { mode: nextMode, ...fields });
      const after = await repo.save(row);
      await this.audit.record({ actorId: user.id, action: 'study.paper.update', entityType: 'study_paper', entityId: id, before, after: { title: after.title, status: after.status, timeLimitMinutes: after.timeLimitMinutes, passScore: after.passScore, maxAttempts: after.maxAttempts } }, m);
      return after;
    });
    return toPaperResponse(saved, { attemptsUsed: 0, bestScore: null });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async paperFields(m: EntityManager, mode: PaperEntity['mode'], questionIds: string[] | undefined, drawCount: number | undefined): Promise<{ questionIds: number[]; drawCount: number }> {
    if (mode === 'FIXED') {
      const ids = [...new Set((questionIds ?? []).map(Number))];
      if (ids.length === 0) throw new AppError('VALIDATION_FAILED', '固定组卷需要选择题目', [{ field: 'questionIds', message: '固定组卷需要选择题目' }]);
      const found = await m.getRepository(QuestionEntity).countBy({ id: In(ids), enabled: true });
      if (found !== ids.length) throw new AppError('VALIDATION_FAILED', '有题目不存在或已停用', [{ field: 'questionIds', message: '有题目不存在或已停用' }]);
      return { questionIds: ids, drawCount: 0 };
    }
    const available = (await this.enabledIds(m)).length;
    if (!drawCount || drawCount < 1 || drawCount > available) {
      throw new AppError('VALIDATION_FAILED', `随机抽题数量应在 1 到 ${available} 之间`, [{ field: 'drawCount', message: `随机抽题数量应在 1 到 ${available} 之间` }]);
    }
    return { questionIds: [], drawCount };
  }

  private async enabledIds(m: EntityManager = this.dataSource.manager): Promise<number[]> {
    return (await m.getRepository(QuestionEntity).find({ select: { id: true }, where: { enabled: true }, order: { id: 'ASC' } })).map((q) => q.id);
  }

  private async questionsInOrder(ids: number[], m: EntityManager = this.dataSource.manager): Promise<QuestionEntity[]> {
    const rows = await m.getRepository(QuestionEntity).findBy({ id: In(ids) });
    const byId = new Map(rows.map((q) => [q.id, q]));
    return ids.map((id) => byId.get(id)).filter((q): q is QuestionEntity => q !== undefined);
  }

  private async attemptView(a: PaperAttemptEntity, paper: PaperEntity): Promise<PaperAttemptResponse> {
    const questions = await this.questionsInOrder(a.questionIds);
    return {
      id: String(a.id),
      paperId: String(a.paperId),
      attemptNo: a.attemptNo,
      startedAt: toIso(a.startedAt),
      deadlineAt: toIso(a.deadlineAt),
      questions: questions.map(toQuizQuestion),
      submitted: a.submittedAt !== null,
      result: a.answers && a.score !== null ? { ...resultOf(questions, a.answers, a.pointsAwarded, a.flagged), score: a.score, passed: a.score >= paper.passScore } : null,
    };
  }
}

function requireQuestion(q: QuestionInput): QuestionInput {
  const checked = checkQuestion(q);
  if ('error' in checked) throw new AppError('VALIDATION_FAILED', checked.error, [{ field: 'question', message: checked.error }]);
  return checked.question;
}

/** Every drawn question answered exactly once with options that exist; anything else is refused whole. */
function grade(questions: QuestionEntity[], answers: AnswerInput[]): StoredAnswer[] {
  const given = new Map(answers.map((a) => [Number(a.questionId), a.choice]));
  if (given.size !== answers.length || answers.length !== questions.length) throw new AppError('QUIZ_ANSWER_INVALID');
  return questions.map((q) => {
    const choice = given.get(q.id);
    if (!choice || choice.length === 0 || choice.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length)) throw new AppError('QUIZ_ANSWER_INVALID');
    if (q.type !== 'MULTIPLE' && new Set(choice).size !== 1) throw new AppError('QUIZ_ANSWER_INVALID');
    return { questionId: q.id, choice: [...new Set(choice)].sort((x, y) => x - y), correct: isCorrect(q.answer, choice) };
  });
}

function resultOf(questions: QuestionEntity[], answers: StoredAnswer[], pointsAwarded: number, flagged: boolean): QuizResult {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const items = questions.map((q) => {
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

