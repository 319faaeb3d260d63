import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeetingKind, MeetingRuleDto } from '@torch-red/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { SaveMeetingRulesDto } from './dto/org-life.dto';
import { effectiveRules, type RuleOverrides } from './meeting-rules';
import { MeetingRuleEntity } from './meeting-rule.entity';

/** Per-organisation overrides of the default meeting rules: read by everything that judges, written by admins. */
@Injectable()
export class MeetingRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly audit: AuditService,
    private readonly orgs: OrgDirectory,
  ) {}

  /** Overrides by organisation (every organisation that has any, or those of `orgIds`). One query. */
  async overrides(orgIds?: number[]): Promise<Map<number, RuleOverrides>> {
    if (orgIds && orgIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(MeetingRuleEntity).find({ where: orgIds ? { orgId: In(orgIds) } : {} });
    const result = new Map<number, Map<MeetingKind, MeetingRuleDto>>();
    for (const r of rows) {
      const byKind = result.get(r.orgId) ?? new Map<MeetingKind, MeetingRuleDto>();
      byKind.set(r.kind, { kind: r.kind, unit: r.unit, required: r.required });
      result.set(r.orgId, byKind);
    }
    return result;
  }

  /** Every kind's rule for an organisation (404 for an unknown one). */
  async get(orgId: number): Promise<MeetingRuleDto[]> {
    if (!(await this.orgs.org(orgId))) throw new AppError('NOT_FOUND');
    return effectiveRules((await this.overrides([orgId])).get(orgId));
  }

  /** Replaces the organisation's overrides (kinds left out follow the defaults again); audited with before and after. */
  async save(user: AuthUser, orgId: number, dto: SaveMeetingRulesDto): Promise<MeetingRuleDto[]> {
    const before = await this.get(orgId);
    const duplicate = dto.rules.findIndex((r, i) => dto.rules.findIndex((x) => x.kind === r.kind) !== i);
    if (duplicate >= 0) throw new AppError('VALIDATION_FAILED', '同一会议类型只能设置一次', [{ field: `rules.${duplicate}.kind`, message: '同一会议类型只能设置一次' }]);
    await this.tx.run(async (m) => {
      const repo = m.getRepository(MeetingRuleEntity);
      await repo.delete({ orgId });
      if (dto.rules.length) await repo.insert(dto.rules.map((r) => ({ orgId, kind: r.kind, unit: r.unit, required: r.required })));
      const after = effectiveRules(new Map(dto.rules.map((r) => [r.kind, { kind: r.kind, unit: r.unit, required: r.required }])));
      await this.audit.record({ actorId: user.id, action: 'meeting.rules', entityType: 'org', entityId: orgId, before, after }, m);
    });
    return this.get(orgId);
  }
}
