import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditLogResponse, Page } from '@torch-red/shared';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { bulkWrite } from '../../database/bulk-write';
import { toIso } from '../../database/sql-time';
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
  limit: number;
  cursor?: number;
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
    const rows = await this.logs.find({
      where: {
        ...(query.entityType ? { entityType: query.entityType } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.cursor ? { id: LessThan(query.cursor) } : {}),
      },
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is number => id !== null))];
    const names = await this.people.names(actorIds);
    return {
      items: page.map((r) => ({
        id: String(r.id),
        actorId: r.actorId === null ? null : String(r.actorId),
        actorName: r.actorId === null ? null : (names.get(r.actorId) ?? null),
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        createdAt: toIso(r.createdAt),
      })),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null,
    };
  }
}
