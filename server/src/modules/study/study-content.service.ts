import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LessonDetail, LessonSummary, Page, StudyColumnResponse } from '@torch-red/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { LessonEntity, StudyColumnEntity } from './content.entity';
import type { CreateColumnDto, CreateLessonDto, LessonAdminQueryDto, UpdateColumnDto, UpdateLessonDto } from './dto/study.dto';
import { PointsService } from './points.service';
import { LessonProgressEntity } from './study-session.entity';
import { toColumnResponse, toLessonDetail, toLessonSummary, type LessonProgress } from './study.mapper';

const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A lesson nobody has begun (and every lesson in the admin's lists). */
const NOT_BEGUN: LessonProgress = { creditedSeconds: 0, completed: false };

@Injectable()
export class StudyContentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly points: PointsService,
  ) {}

  // ── Members ─────────────────────────────────────────────────────────────────

  async columns(user: AuthUser): Promise<StudyColumnResponse[]> {
    const columns = await this.dataSource.getRepository(StudyColumnEntity).find({ where: { status: 'PUBLISHED' }, order: { sortOrder: 'ASC', id: 'ASC' } });
    if (columns.length === 0) return [];
    const totals: Array<{ columnId: number | string; n: number | string }> = await this.dataSource
      .getRepository(LessonEntity)
      .createQueryBuilder('l')
      .select('l.columnId', 'columnId')
      .addSelect('COUNT(*)', 'n')
      .where('l.status = :status', { status: 'PUBLISHED' })
      .groupBy('l.columnId')
      .getRawMany();
    const done: Array<{ columnId: number | string; n: number | string }> = await this.dataSource
      .getRepository(LessonProgressEntity)
      .createQueryBuilder('p')
      .innerJoin(LessonEntity, 'l', 'l.id = p.lessonId')
      .select('l.columnId', 'columnId')
      .addSelect('COUNT(*)', 'n')
      .where('p.userId = :userId AND p.completedAt IS NOT NULL AND l.status = :status', { userId: user.id, status: 'PUBLISHED' })
      .groupBy('l.columnId')
      .getRawMany();
    const count = (rows: typeof totals, id: number) => Number(rows.find((r) => Number(r.columnId) === id)?.n ?? 0);
    return columns.map((c) => toColumnResponse(c, count(totals, c.id), count(done, c.id)));
  }

  /** Published lessons of a column with my progress (已学, or how far); the cursor is an offset in the column's order. */
  async lessons(user: AuthUser, columnId: number, limit: number, cursor?: number): Promise<Page<LessonSummary>> {
    const column = await this.dataSource.getRepository(StudyColumnEntity).findOneBy({ id: columnId, status: 'PUBLISHED' });
    if (!column) throw new AppError('NOT_FOUND');
    const offset = cursor ?? 0;
    const rows = await this.dataSource.getRepository(LessonEntity).find({
      select: { id: true, columnId: true, title: true, kind: true, minutes: true, summary: true, coverUrl: true, status: true, isSample: true, publishedAt: true },
      where: { columnId, status: 'PUBLISHED' },
      order: { sortOrder: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const progress = await this.progressOf(user.id, page.map((l) => l.id));
    return { items: page.map((l) => toLessonSummary(l, progress.get(l.id) ?? NOT_BEGUN)), nextCursor: rows.length > limit ? String(offset + limit) : null };
  }

  /** Opening a lesson is also the day's sign-in. */
  async lesson(user: AuthUser, id: number): Promise<LessonDetail> {
    const lesson = await this.publishedLesson(id);
    await this.points.checkinDay(user);
    const progress = await this.dataSource.getRepository(LessonProgressEntity).findOneBy({ userId: user.id, lessonId: id });
    return toLessonDetail(lesson, { creditedSeconds: progress?.creditedSeconds ?? 0, completed: Boolean(progress?.completedAt) });
  }

  async publishedLesson(id: number): Promise<LessonEntity> {
    const lesson = await this.dataSource.getRepository(LessonEntity).findOneBy({ id, status: 'PUBLISHED' });
    if (!lesson) throw new AppError('NOT_FOUND');
    const column = await this.dataSource.getRepository(StudyColumnEntity).findOneBy({ id: lesson.columnId, status: 'PUBLISHED' });
    if (!column) throw new AppError('NOT_FOUND');
    return lesson;
  }

  // ── Admin ───────────────────────────────────────────────────────────────────

  async adminColumns(): Promise<StudyColumnResponse[]> {
    const columns = await this.dataSource.getRepository(StudyColumnEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const totals: Array<{ columnId: number | string; n: number | string }> = await this.dataSource
      .getRepository(LessonEntity)
      .createQueryBuilder('l')
      .select('l.columnId', 'columnId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('l.columnId')
      .getRawMany();
    return columns.map((c) => toColumnResponse(c, Number(totals.find((r) => Number(r.columnId) === c.id)?.n ?? 0), 0));
  }

  async createColumn(user: AuthUser, dto: CreateColumnDto): Promise<StudyColumnResponse> {
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(StudyColumnEntity);
      const row = await repo.save(repo.create({ name: dto.name, description: dto.description, sortOrder: dto.sortOrder ?? 0, status: dto.status ?? 'PUBLISHED', isSample: false }));
      await this.audit.record({ actorId: user.id, action: 'study.column.create', entityType: 'study_column', entityId: row.id, after: { name: row.name, status: row.status } }, m);
      return row;
    });
    return toColumnResponse(saved, 0, 0);
  }

  async updateColumn(user: AuthUser, id: number, dto: UpdateColumnDto): Promise<StudyColumnResponse> {
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(StudyColumnEntity);
      const row = await repo.findOneBy({ id });
      if (!row) throw new AppError('NOT_FOUND');
      const before = { name: row.name, status: row.status, sortOrder: row.sortOrder };
      Object.assign(row, definedOnly(dto));
      const after = await repo.save(row);
      await this.audit.record({ actorId: user.id, action: 'study.column.update', entityType: 'study_column', entityId: id, before, after: { name: after.name, status: after.status, sortOrder: after.sortOrder } }, m);
      return after;
    });
    return (await this.adminColumns()).find((c) => c.id === String(saved.id))!;
  }

  async adminLessons(query: LessonAdminQueryDto): Promise<Page<LessonSummary>> {
    const offset = query.cursor ? Number(query.cursor) : 0;
    const qb = this.dataSource.getRepository(LessonEntity).createQueryBuilder('l');
    if (query.columnId) qb.andWhere('l.columnId = :columnId', { columnId: Number(query.columnId) });
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    const q = query.q?.trim();
    // MySQL escapes LIKE patterns with a backslash by default; SQLite only when told.
    if (q) qb.andWhere(`l.title LIKE :title${this.tx.isMysql ? '' : " ESCAPE '\\'"}`, { title: `%${escapeLike(q)}%` });
    const rows = await qb.orderBy('l.id', 'DESC').skip(offset).take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return { items: page.map((l) => toLessonSummary(l, NOT_BEGUN)), nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
  }

  async adminLesson(id: number): Promise<LessonDetail> {
    const lesson = await this.dataSource.getRepository(LessonEntity).findOneBy({ id });
    if (!lesson) throw new AppError('NOT_FOUND');
    return toLessonDetail(lesson, NOT_BEGUN);
  }

  async createLesson(user: AuthUser, dto: CreateLessonDto): Promise<LessonDetail> {
    const columnId = Number(dto.columnId);
    const saved = await this.tx.run(async (m) => {
      if (!(await m.getRepository(StudyColumnEntity).existsBy({ id: columnId }))) throw new AppError('NOT_FOUND', '专栏不存在');
      const repo = m.getRepository(LessonEntity);
      const status = dto.status ?? 'DRAFT';
      const row = await repo.save(
        repo.create({
          columnId,
          title: dto.title,
          kind: dto.kind,
          summary: dto.summary,
          blocks: dto.blocks.map(normaliseBlock),
          videoUrl: dto.videoUrl ?? null,
          coverUrl: dto.coverUrl ?? null,
          minutes: dto.minutes,
          sortOrder: dto.sortOrder ?? 0,
          status,
          publishedAt: status === 'PUBLISHED' ? this.clock.now() : null,
          isSample: false,
          createdBy: user.id,
        }),
      );
      requireVideoUrl(row);
      await this.audit.record({ actorId: user.id, action: 'study.lesson.create', entityType: 'study_lesson', entityId: row.id, after: { title: row.title, columnId, status } }, m);
      return row;
    });
    return this.adminLesson(saved.id);
  }

  async updateLesson(user: AuthUser, id: number, dto: UpdateLessonDto): Promise<LessonDetail> {
    await this.tx.run(async (m) => {
      const repo = m.getRepository(LessonEntity);
      const row = await repo.findOneBy({ id });
      if (!row) throw new AppError('NOT_FOUND');
      const before = { title: row.title, status: row.status, minutes: row.minutes, columnId: row.columnId };
      if (dto.columnId !== undefined && !(await m.getRepository(StudyColumnEntity).existsBy({ id: Number(dto.columnId) }))) throw new AppError('NOT_FOUND', '专栏不存在');
      const { columnId, blocks, ...rest } = definedOnly(dto);
      Object.assign(row, rest, columnId !== undefined ? { columnId: Number(columnId) } : {}, blocks ? { blocks: blocks.map(normaliseBlock) } : {});
      // publishedAt is the latest publication: withdrawing clears it, publishing again sets it anew.
      if (row.status === 'PUBLISHED' && !row.publishedAt) row.publishedAt = this.clock.now();
      if (row.status === 'DRAFT') row.publishedAt = null;
      requireVideoUrl(row);
      await repo.save(row);
      await this.audit.record({ actorId: user.id, action: lessonAction(before.status, row.status), entityType: 'study_lesson', entityId: id, before, after: { title: row.title, status: row.status, minutes: row.minutes, columnId: row.columnId } }, m);
    });
    return this.adminLesson(id);
  }

  private async progressOf(userId: number, lessonIds: number[]): Promise<Map<number, LessonProgress>> {
    if (lessonIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(LessonProgressEntity).find({
      select: { lessonId: true, creditedSeconds: true, completedAt: true },
      where: { userId, lessonId: In(lessonIds) },
    });
    return new Map(rows.map((r) => [r.lessonId, { creditedSeconds: r.creditedSeconds, completed: r.completedAt !== null }]));
  }
}

/** Publishing and withdrawing are audited as such (发布课程 / 撤回发布), other edits as an update. */
function lessonAction(before: LessonEntity['status'], after: LessonEntity['status']): string {
  if (before !== after) return after === 'PUBLISHED' ? 'study.lesson.publish' : 'study.lesson.unpublish';
  return 'study.lesson.update';
}

function requireVideoUrl(l: LessonEntity): void {
  if (l.kind === 'VIDEO' && !l.videoUrl) throw new AppError('VALIDATION_FAILED', '视频课程需要填写视频地址', [{ field: 'videoUrl', message: '视频课程需要填写视频地址' }]);
}

function normaliseBlock(b: { type: LessonEntity['blocks'][number]['type']; text?: string; url?: string }): LessonEntity['blocks'][number] {
  return { type: b.type, ...(b.text !== undefined ? { text: b.text } : {}), ...(b.type === 'image' && b.url ? { url: b.url } : {}) };
}

export function definedOnly<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}
