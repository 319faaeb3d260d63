import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstructorEnterpriseItem, InstructorSummary, Page, VisitResponse } from '@torch-red/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { keysetPage, type KeysetQuery } from '../../database/keyset';
import { toIso } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { AccessPolicy } from '../access/access-policy.service';
import { AuditService } from '../audit/audit.service';
import { NeedIntakeService } from '../need/need-intake.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import type { LogVisitDto, SetInstructorEnterprisesDto } from './dto/visit.dto';
import { InstructorEnterpriseEntity, VisitEntity, type VisitProblem } from './visit.entity';

@Injectable()
export class VisitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly audit: AuditService,
    private readonly needs: NeedIntakeService,
    private readonly policy: AccessPolicy,
    private readonly people: PeopleDirectory,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  /** Admins decide which enterprises an instructor (INSTRUCTOR grant) looks after; the list replaces the old one. */
  async setEnterprises(admin: AuthUser, instructorId: number, dto: SetInstructorEnterprisesDto): Promise<InstructorEnterpriseItem[]> {
    const isInstructor = await this.people.hasRole(instructorId, 'INSTRUCTOR');
    if (!isInstructor) throw new AppError('NOT_FOUND');
    const ids = [...new Set(dto.enterpriseIds.map(Number))];
    if (!(await this.orgDirectory.enterprisesExist(ids))) {
      throw new AppError('VALIDATION_FAILED', '企业不存在', [{ field: 'enterpriseIds', message: '企业不存在' }]);
    }
    await this.tx.run(async (m) => {
      const repo = m.getRepository(InstructorEnterpriseEntity);
      const before = (await repo.findBy({ instructorId })).map((r) => r.enterpriseId);
      await repo.delete({ instructorId });
      if (ids.length) await repo.insert(ids.map((enterpriseId) => ({ instructorId, enterpriseId, assignedBy: admin.id })));
      await this.audit.record({ actorId: admin.id, action: 'instructor.enterprises', entityType: 'user', entityId: instructorId, before: { enterpriseIds: before }, after: { enterpriseIds: ids } }, m);
    });
    return this.enterprisesOf(instructorId);
  }

  /** Admins: everyone with the INSTRUCTOR role, by name, with how many enterprises they look after and visits they logged. */
  async instructors(): Promise<InstructorSummary[]> {
    const ids = await this.people.holders('INSTRUCTOR');
    if (ids.length === 0) return [];
    const count = (entity: typeof InstructorEnterpriseEntity | typeof VisitEntity, withLast: boolean) => {
      const qb = this.dataSource.getRepository(entity).createQueryBuilder('x').select('x.instructorId', 'instructorId').addSelect('COUNT(*)', 'n');
      if (withLast) qb.addSelect('MAX(x.visitedOn)', 'last');
      return qb.where('x.instructorId IN (:...ids)', { ids }).groupBy('x.instructorId').getRawMany<{ instructorId: number | string; n: number | string; last?: string }>();
    };
    const [names, links, visits] = await Promise.all([this.people.names(ids), count(InstructorEnterpriseEntity, false), count(VisitEntity, true)]);
    const of = <T extends { instructorId: number | string }>(rows: T[], id: number) => rows.find((r) => Number(r.instructorId) === id);
    return ids
      .map((id) => ({
        id: String(id),
        name: names.get(id) ?? '',
        enterpriseCount: Number(of(links, id)?.n ?? 0),
        visitCount: Number(of(visits, id)?.n ?? 0),
        lastVisitedOn: of(visits, id)?.last ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || Number(a.id) - Number(b.id));
  }

  /** Admins: one instructor's enterprises; anyone without the role answers like a missing person. */
  async enterprisesOfInstructor(instructorId: number): Promise<InstructorEnterpriseItem[]> {
    if (!(await this.people.hasRole(instructorId, 'INSTRUCTOR'))) throw new AppError('NOT_FOUND');
    return this.enterprisesOf(instructorId);
  }

  /** My enterprises and when each was last visited (by anyone), least recently visited first. */
  async enterprisesOf(instructorId: number): Promise<InstructorEnterpriseItem[]> {
    const links = await this.dataSource.getRepository(InstructorEnterpriseEntity).findBy({ instructorId });
    if (links.length === 0) return [];
    const ids = links.map((l) => l.enterpriseId);
    const [enterprises, chains, stats] = await Promise.all([
      this.orgDirectory.enterprises(ids),
      this.orgDirectory.chains(),
      this.dataSource
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .select('v.enterpriseId', 'enterpriseId')
        .addSelect('MAX(v.visitedOn)', 'last')
        .addSelect('COUNT(*)', 'count')
        .where('v.enterpriseId IN (:...ids)', { ids })
        .groupBy('v.enterpriseId')
        .getRawMany<{ enterpriseId: number | string; last: string; count: number | string }>(),
    ]);
    const items = [...enterprises.values()].map((e) => {
      const s = stats.find((x) => Number(x.enterpriseId) === e.id);
      return {
        enterpriseId: String(e.id),
        enterpriseName: e.name,
        chainName: chains.find((c) => c.id === e.chainId)?.name ?? null,
        lastVisitedOn: s ? s.last : null,
        visitCount: s ? Number(s.count) : 0,
      };
    });
    return items.sort((a, b) => (a.lastVisitedOn ?? '').localeCompare(b.lastVisitedOn ?? '') || a.enterpriseName.localeCompare(b.enterpriseName));
  }

  /** Logs a visit; each problem marked raiseNeed becomes a need on the enterprise's behalf, in the same transaction. */
  async log(user: AuthUser, dto: LogVisitDto): Promise<VisitResponse> {
    const enterpriseId = Number(dto.enterpriseId);
    await this.policy.require(user, 'enterprise.visit', enterpriseId);
    const visit = await this.tx.run(async (m) => {
      const repo = m.getRepository(VisitEntity);
      const saved = await repo.save(
        repo.create({ instructorId: user.id, enterpriseId, visitedOn: dto.visitedOn, peopleMet: dto.peopleMet, discussed: dto.discussed, problems: [], isSample: false }),
      );
      const problems: VisitProblem[] = [];
      for (const p of dto.problems) {
        let needId: number | null = null;
        if (p.raiseNeed) {
          const need = await this.needs.createNeed(m, {
            enterpriseId,
            raisedBy: user.id,
            category: p.category,
            urgency: p.urgency ?? 'NORMAL',
            title: p.title,
            description: p.description,
            imageIds: [],
            visitId: saved.id,
            note: `党建指导员${user.name}走访时代企业提出`,
          });
          needId = need.id;
        }
        problems.push({ title: p.title, description: p.description, category: p.category, needId });
      }
      await repo.update({ id: saved.id }, { problems });
      return { ...saved, problems };
    });
    return (await this.responses([visit]))[0];
  }

  /** Instructors see their own visits; admins everyone's. The latest visit first; visits of one day by id. */
  async list(user: AuthUser, { enterpriseId, instructorId }: { enterpriseId?: number; instructorId?: number }, page: KeysetQuery): Promise<Page<VisitResponse>> {
    const qb = this.dataSource.getRepository(VisitEntity).createQueryBuilder('v');
    if (!user.isAdmin) qb.andWhere('v.instructorId = :me', { me: user.id });
    else if (instructorId) qb.andWhere('v.instructorId = :instructorId', { instructorId });
    if (enterpriseId) qb.andWhere('v.enterpriseId = :enterpriseId', { enterpriseId });
    const { rows, nextCursor } = await keysetPage(qb, { key: 'v.visitedOn', id: 'v.id', direction: 'DESC' }, page, (last) => last.visitedOn);
    return { items: await this.responses(rows), nextCursor };
  }

  private async responses(visits: VisitEntity[]): Promise<VisitResponse[]> {
    if (visits.length === 0) return [];
    const [users, enterprises] = await Promise.all([
      this.people.names(visits.map((v) => v.instructorId)),
      this.orgDirectory.enterprises(visits.map((v) => v.enterpriseId)),
    ]);
    return visits.map((v) => ({
      id: String(v.id),
      instructorId: String(v.instructorId),
      instructorName: users.get(v.instructorId) ?? '',
      enterpriseId: String(v.enterpriseId),
      enterpriseName: enterprises.get(v.enterpriseId)?.name ?? '',
      visitedOn: v.visitedOn,
      peopleMet: v.peopleMet,
      discussed: v.discussed,
      problems: v.problems.map((p) => ({ title: p.title, description: p.description, category: p.category, needId: p.needId === null ? null : String(p.needId) })),
      createdAt: toIso(v.createdAt),
    }));
  }
}
