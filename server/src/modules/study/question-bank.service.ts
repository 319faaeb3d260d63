import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminPaperResponse, ImportQuestionSample, ImportQuestionsPreview, ImportQuestionsResponse, ImportRowError, Page, QuestionResponse } from '@torch-red/shared';
import { STUDY_LIMITS } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager, In, LessThan, Raw, type FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { cellText } from '../../common/xlsx/spreadsheet';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import type { CreatePaperDto, CreateQuestionDto, QuestionAdminQueryDto, UpdatePaperDto, UpdateQuestionDto } from './dto/study.dto';
import { checkQuestion, IMPORT_HEADER, parseImportRow, type QuestionInput } from './question-rules';
import { PaperEntity, QuestionEntity } from './question.entity';
import { definedOnly } from './study-content.service';
import { toAdminPaperResponse, toQuestionResponse } from './study.mapper';

const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An import file read and checked: the good rows as questions, the bad ones as errors (nothing written yet). */
interface CheckedImport {
  questions: Array<{ row: number; question: QuestionInput }>;
  errors: ImportRowError[];
}

/** The ids of the questions that may be drawn, in id order (the daily quiz and random papers draw from them). */
export async function enabledQuestionIds(m: EntityManager): Promise<number[]> {
  return (await m.getRepository(QuestionEntity).find({ select: { id: true }, where: { enabled: true }, order: { id: 'ASC' } })).map((q) => q.id);
}

/** The admins' side of study quizzes: the question bank, its .xlsx template and import, and the papers. */
@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly audit: AuditService,
  ) {}

  async adminQuestions(query: QuestionAdminQueryDto): Promise<Page<QuestionResponse>> {
    const where: FindOptionsWhere<QuestionEntity> = {
      ...(query.type ? { type: query.type } : {}),
      ...(query.enabled !== undefined ? { enabled: query.enabled } : {}),
      ...(query.q ? { stem: Raw((column) => `${column} LIKE :stem${this.tx.isMysql ? '' : " ESCAPE '\\'"}`, { stem: `%${escapeLike(query.q)}%` }) } : {}),
      ...(query.cursor ? { id: LessThan(Number(query.cursor)) } : {}),
    };
    const rows = await this.dataSource.getRepository(QuestionEntity).find({ where, order: { id: 'DESC' }, take: query.limit + 1 });
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

  /** Checks a file as the import would and writes nothing: what would be imported, and every bad row. */
  async previewImport(file: Buffer): Promise<ImportQuestionsPreview> {
    const { questions, errors } = await this.checkImport(file);
    const sample: ImportQuestionSample[] = questions.slice(0, STUDY_LIMITS.importPreviewSample).map(({ row, question }) => ({ row, ...question }));
    const rows = questions.length + errors.length;
    return { rows, valid: questions.length, sample, errors: rows === 0 ? [{ row: 2, message: '文件中没有题目' }] : errors };
  }

  /** Validates every row first; only a file without errors is inserted, in one transaction. */
  async importQuestions(user: AuthUser, file: Buffer): Promise<ImportQuestionsResponse> {
    const { questions, errors } = await this.checkImport(file);
    if (errors.length) throw new AppError('STUDY_IMPORT_INVALID', `第 ${errors[0].row} 行：${errors[0].message}（共 ${errors.length} 行有错误，未导入任何题目）`, errors);
    if (questions.length === 0) throw new AppError('STUDY_IMPORT_INVALID', '文件中没有题目', [{ row: 2, message: '文件中没有题目' }]);
    const rows = questions.map((q) => q.question);
    await this.tx.run(async (m) => {
      for (let i = 0; i < rows.length; i += 100) {
        await m.getRepository(QuestionEntity).insert(rows.slice(i, i + 100).map((q) => ({ ...q, enabled: true, isSample: false })));
      }
      await this.audit.record({ actorId: user.id, action: 'study.question.import', entityType: 'study_question', entityId: null, after: { imported: rows.length } }, m);
    });
    return { imported: rows.length };
  }

  /** Reads the file and checks every row; a file that is not the template at all (or too long) is refused whole. */
  private async checkImport(file: Buffer): Promise<CheckedImport> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new AppError('STUDY_IMPORT_INVALID', '无法读取文件，请使用下载的 .xlsx 模板', [{ row: 0, message: '不是有效的 .xlsx 文件' }] satisfies ImportRowError[]);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('STUDY_IMPORT_INVALID', '文件中没有工作表', [{ row: 0, message: '文件中没有工作表' }] satisfies ImportRowError[]);
    const header = IMPORT_HEADER.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value).trim());
    if (header.join('|') !== IMPORT_HEADER.join('|')) {
      throw new AppError('STUDY_IMPORT_INVALID', '表头与模板不一致，请使用下载的模板', [{ row: 1, message: `表头应为：${IMPORT_HEADER.join('、')}` }] satisfies ImportRowError[]);
    }
    const errors: ImportRowError[] = [];
    const questions: CheckedImport['questions'] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cells = IMPORT_HEADER.map((_, i) => cellText(sheet.getRow(r).getCell(i + 1).value));
      if (cells.every((c) => !c.trim())) continue;
      const parsed = parseImportRow(cells);
      if ('error' in parsed) errors.push({ row: r, column: parsed.column, message: parsed.error });
      else questions.push({ row: r, question: parsed.question });
    }
    if (questions.length + errors.length > STUDY_LIMITS.importMaxRows) {
      throw new AppError('STUDY_IMPORT_INVALID', `一次最多导入 ${STUDY_LIMITS.importMaxRows} 题`, [{ row: 0, message: `一次最多导入 ${STUDY_LIMITS.importMaxRows} 题` }]);
    }
    return { questions, errors };
  }

  async adminPapers(): Promise<AdminPaperResponse[]> {
    const papers = await this.dataSource.getRepository(PaperEntity).find({ order: { id: 'DESC' } });
    return this.withQuestions(this.dataSource.manager, papers);
  }

  async createPaper(user: AuthUser, dto: CreatePaperDto): Promise<AdminPaperResponse> {
    return this.tx.run(async (m) => {
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
      return (await this.withQuestions(m, [row]))[0];
    });
  }

  async updatePaper(user: AuthUser, id: number, dto: UpdatePaperDto): Promise<AdminPaperResponse> {
    return this.tx.run(async (m) => {
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
      return (await this.withQuestions(m, [after]))[0];
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  /** Papers with their fixed questions' stems (one query for all of them). */
  private async withQuestions(m: EntityManager, papers: PaperEntity[]): Promise<AdminPaperResponse[]> {
    const ids = [...new Set(papers.flatMap((p) => p.questionIds))];
    const questions = new Map<number, QuestionEntity>();
    for (let i = 0; i < ids.length; i += 500) {
      const found = await m.getRepository(QuestionEntity).find({ select: { id: true, type: true, stem: true, enabled: true }, where: { id: In(ids.slice(i, i + 500)) } });
      for (const q of found) questions.set(q.id, q);
    }
    return papers.map((p) => toAdminPaperResponse(p, questions));
  }

  private async paperFields(m: EntityManager, mode: PaperEntity['mode'], questionIds: string[] | undefined, drawCount: number | undefined): Promise<{ questionIds: number[]; drawCount: number }> {
    if (mode === 'FIXED') {
      const ids = [...new Set((questionIds ?? []).map(Number))];
      if (ids.length === 0) throw new AppError('VALIDATION_FAILED', '固定组卷需要选择题目', [{ field: 'questionIds', message: '固定组卷需要选择题目' }]);
      const found = await m.getRepository(QuestionEntity).countBy({ id: In(ids), enabled: true });
      if (found !== ids.length) throw new AppError('VALIDATION_FAILED', '有题目不存在或已停用', [{ field: 'questionIds', message: '有题目不存在或已停用' }]);
      return { questionIds: ids, drawCount: 0 };
    }
    const available = (await enabledQuestionIds(m)).length;
    if (!drawCount || drawCount < 1 || drawCount > available) {
      throw new AppError('VALIDATION_FAILED', `随机抽题数量应在 1 到 ${available} 之间`, [{ field: 'drawCount', message: `随机抽题数量应在 1 到 ${available} 之间` }]);
    }
    return { questionIds: [], drawCount };
  }
}

function requireQuestion(q: QuestionInput): QuestionInput {
  const checked = checkQuestion(q);
  if ('error' in checked) throw new AppError('VALIDATION_FAILED', checked.error, [{ field: 'question', message: checked.error }]);
  return checked.question;
}
