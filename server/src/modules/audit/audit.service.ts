import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditLogResponse, Page } from '@torch-red/shared';
import { EntityManager, Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { bulkWrite } from '../../database/bulk-write';
import { toIso, toSqlDateTime } from '../../database/sql-time';
import { PeopleDirectory } from '../user/people-directory.service';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: number;
  /** One action, or every action of a kind when it ends with a dot. */
  action?: string;
  /** China-time days (YYYY-MM-DD), both inclusive. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: number;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The instant a China-time day starts, or VALIDATION_FAILED for a day that is not on the calendar (02-30). */
function chinaDayStart(day: string, field: 'from' | 'to'): Date {
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || new Date(start.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10) !== day) {
    throw new AppError('VALIDATION_FAILED', `日期不存在：${day}`, [{ field, message: '日期不存在' }]);
  }
  return start;
}

/** Append-only record of every admin write. Values must already be safe to show (masked phones, no secrets). */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly logs: Repository<AuditLogEntity>,
    private readonly people: PeopleDirectory,
  ) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.logs;
    await repo.insert({
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: (entry.before ?? null) as object | null,
      after: (entry.after ?? null) as object | null,
    });
  }

  /** Many entries at once (an import's per-person lines), 500 to a statement, in plain SQL (no entity per row). */
  async recordMany(entries: AuditEntry[], manager: EntityManager): Promise<void> {
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    await bulkWrite(
      manager,
      'audit_logs',
      ['actorId', 'action', 'entityType', 'entityId', 'before', 'after'],
      entries.map((e) => [e.actorId, e.action, e.entityType, e.entityId === null ? null : String(e.entityId), json(e.before), json(e.after)]),
    );
  }

  async list(query: AuditQuery): Promise<Page<AuditLogResponse>> {
    const from = query.from ? chinaDayStart(query.from, 'from') : null;
    const toDay = query.to ? chinaDayStart(query.to, 'to') : null;
    if (from && toDay && from > toDay) {
      throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ field: 'from', message: '开始日期不能晚于结束日期' }]);
    }
    const qb = this.logs.createQueryBuilder('l');
    if (query.entityType) qb.andWhere('l.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('l.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('l.actorId = :actorId', { actorId: query.actorId });
    if (query.action?.endsWith('.')) {
      // Every action of a kind: the range [`talk.`, `talk/`), which the (action, id) index serves.
      qb.andWhere('l.action >= :prefix AND l.action < :prefixEnd', { prefix: query.action, prefixEnd: `${query.action.slice(0, -1)}/` });
    } else if (query.action) {
      qb.andWhere('l.action = :action', { action: query.action });
    }
    if (from) qb.andWhere('l.createdAt >= :from', { from: toSqlDateTime(from) });
    if (toDay) qb.andWhere('l.createdAt < :before', { before: toSqlDateTime(new Date(toDay.getTime() + 24 * 3600 * 1000)) });
    if (query.cursor) qb.andWhere('l.id < :cursor', { cursor: query.cursor });
    const rows = await qb.orderBy('l.id', 'DESC').limit(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return {
      items: await this.present(page),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null,
    };
  }

  async entry(id: number): Promise<AuditLogResponse> {
    const row = await this.logs.findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND');
    return (await this.present([row]))[0];
  }

  private async present(rows: AuditLogEntity[]): Promise<AuditLogResponse[]> {
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
    const names = await this.people.names(actorIds);
    return rows.map((r) => ({
      id: String(r.id),
      actorId: r.actorId === null ? null : String(r.actorId),
      actorName: r.actorId === null ? null : (names.get(r.actorId) ?? null),
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      createdAt: toIso(r.createdAt),
    }));
  }
}
