import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DashboardFigures, DashboardResponse } from '@torch-red/shared';
import { DataSource, IsNull, Not, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { OrgHierarchy } from '../org/org-hierarchy.service';
import { ActivityEntity } from '../activity/activity.entity';
import { RegistrationEntity } from '../activity/registration.entity';
import { NeedAssignmentEntity } from '../need/need-assignment.entity';
import { NeedEntity } from '../need/need.entity';
import { ChainEntity } from '../org/chain.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { OrgEntity } from '../org/org.entity';
import { UserWeekEntity } from '../study/points.entity';
import { chinaWeek } from '../study/study-calendar';
import { UserEntity } from '../user/user.entity';
import { VisitEntity } from '../visit/visit.entity';

/** Per chain (null: not on a chain) → a number. */
type ByChain = Map<number | null, number>;

type Counted = Exclude<keyof DashboardFigures, 'avgHandlingHours' | 'satisfaction'>;

/**
 * The figures of the article, computed live: every count is a COUNT over rows, grouped by chain. What each counts is
 * defined once in shared DASHBOARD_FIGURES (the board shows it as the figure's ⓘ line), and the figures nest so they
 * cannot contradict each other: covered ≤ chain enterprises (the home page's count), held ≤ published activities, and
 * a check-in makes its activity held. Admins see every
 * chain and a total over all rows; committee staff see their committees' chains and a total over those.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hierarchy: OrgHierarchy,
  ) {}

  async figures(user: AuthUser): Promise<DashboardResponse> {
    const now = this.clock.now();
    const allChains = await this.dataSource.getRepository(ChainEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const committees = orgIdsWithRole(user, 'COMMITTEE');
    const chains = user.isAdmin ? allChains : allChains.filter((c) => committees.includes(c.committeeOrgId));
    const tree = await this.hierarchy.tree();
    const byOrg = (rows: Array<{ key: number | string | null; n: number | string | null }>): ByChain => {
      const out: ByChain = new Map();
      for (const r of rows) {
        const chain = r.key === null ? null : tree.chainOf(Number(r.key));
        out.set(chain, (out.get(chain) ?? 0) + Number(r.n ?? 0));
      }
      return out;
    };
    const ds = this.dataSource;
    const onEnterprise = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) => qb.leftJoin(EnterpriseEntity, 'e', `e.id = ${column}`).select('e.chainId', 'key');

    const enterpriseRole = (role: string) =>
      grouped(ds.getRepository(EnterpriseEntity).createQueryBuilder('e').select('e.chainId', 'key').addSelect('COUNT(*)', 'n').where('e.chainRole = :role', { role }).groupBy('e.chainId'));
    const activityCount = (where: string, params: ObjectLiteral) =>
      ds.getRepository(ActivityEntity).createQueryBuilder('a').select('a.orgId', 'key').addSelect('COUNT(*)', 'n').where(where, params).groupBy('a.orgId').getRawMany<{ key: number; n: number }>().then(byOrg);
    const registrationCount = (where: string, params: ObjectLiteral) =>
      ds
        .getRepository(RegistrationEntity)
        .createQueryBuilder('r')
        .innerJoin(ActivityEntity, 'a', 'a.id = r.activityId')
        .select('a.orgId', 'key')
        .addSelect('COUNT(*)', 'n')
        .where("a.status = 'PUBLISHED'")
        .andWhere(where, params)
        .groupBy('a.orgId')
        .getRawMany<{ key: number; n: number }>()
        .then(byOrg);
    const [chainEnterprises, published, registrations] = await Promise.all([
      grouped(ds.getRepository(EnterpriseEntity).createQueryBuilder('e').select('e.chainId', 'key').addSelect('COUNT(*)', 'n').where('e.chainId IS NOT NULL').groupBy('e.chainId')),
      activityCount("a.status = 'PUBLISHED'", {}),
      registrationCount("r.status = 'CONFIRMED'", {}),
    ]);
    const [orgs, leaders, cores, members, covered, partyMembers, activities, attendance, study, visits, raised, resolved, overdue, ratings, handled] = await Promise.all([
      grouped(onEnterprise(ds.getRepository(OrgEntity).createQueryBuilder('o'), 'o.enterpriseId').addSelect('COUNT(*)', 'n').where('o.enterpriseId IS NOT NULL').groupBy('e.chainId')),
      enterpriseRole('LEADER'),
      enterpriseRole('CORE'),
      enterpriseRole('MEMBER'),
      grouped(onEnterprise(ds.getRepository(OrgEntity).createQueryBuilder('o'), 'o.enterpriseId').addSelect('COUNT(DISTINCT o.enterpriseId)', 'n').where('e.chainId IS NOT NULL').groupBy('e.chainId')),
      grouped(
        onEnterprise(ds.getRepository(UserEntity).createQueryBuilder('u'), 'u.enterpriseId')
          .addSelect('COUNT(*)', 'n')
          .where('u.politicalStatus IN (:...statuses)', { statuses: ['FULL_MEMBER', 'PROBATIONARY_MEMBER'] })
          .groupBy('e.chainId'),
      ),
      activityCount(
        "a.status = 'PUBLISHED' AND (a.startAt <= :now OR EXISTS (SELECT 1 FROM registrations c WHERE c.activityId = a.id AND c.attendance = 'CHECKED_IN'))",
        { now },
      ),
      registrationCount("r.attendance = 'CHECKED_IN'", {}),
      grouped(onEnterprise(ds.getRepository(UserWeekEntity).createQueryBuilder('w'), 'w.enterpriseId').addSelect('COUNT(*)', 'n').where('w.week = :week AND w.points > 0', { week: chinaWeek(now) }).groupBy('e.chainId')),
      grouped(onEnterprise(ds.getRepository(VisitEntity).createQueryBuilder('v'), 'v.enterpriseId').addSelect('COUNT(*)', 'n').groupBy('e.chainId')),
      grouped(ds.getRepository(NeedEntity).createQueryBuilder('n').select('n.chainId', 'key').addSelect('COUNT(*)', 'n').groupBy('n.chainId')),
      grouped(ds.getRepository(NeedEntity).createQueryBuilder('n').select('n.chainId', 'key').addSelect('COUNT(*)', 'n').where('n.status IN (:...done)', { done: ['RESOLVED', 'CLOSED'] }).groupBy('n.chainId')),
      grouped(
        ds
          .getRepository(NeedEntity)
          .createQueryBuilder('n')
          .innerJoin(NeedAssignmentEntity, 'a', 'a.needId = n.id')
          .select('n.chainId', 'key')
          .addSelect('COUNT(DISTINCT n.id)', 'n')
          .where('a.status IN (:...open) AND a.deadline <= :now', { open: ['PENDING', 'ACCEPTED'], now })
          .groupBy('n.chainId'),
      ),
      ds
        .getRepository(NeedEntity)
        .createQueryBuilder('n')
        .select('n.chainId', 'key')
        .addSelect('COUNT(*)', 'n')
        .addSelect('SUM(n.rating)', 'total')
        .where('n.rating IS NOT NULL')
        .groupBy('n.chainId')
        .getRawMany<{ key: number; n: number | string; total: number | string }>(),
      ds.getRepository(NeedEntity).find({ select: { chainId: true, createdAt: true, resolvedAt: true }, where: { resolvedAt: notNull() } }),
    ]);

    const counted: Record<Counted, ByChain> = {
      orgs,
      chainEnterprises,
      activitiesPublished: published,
      registrations,
      leaderEnterprises: leaders,
      coreEnterprises: cores,
      memberEnterprises: members,
      enterprisesCovered: covered,
      partyMembers,
      activitiesHeld: activities,
      attendance,
      studyParticipants: study,
      visits,
      needsRaised: raised,
      needsResolved: resolved,
      needsOverdue: overdue,
      ratedCount: new Map(ratings.map((r) => [Number(r.key), Number(r.n)])),
    };
    const ratingSum: ByChain = new Map(ratings.map((r) => [Number(r.key), Number(r.total)]));
    const handlingMs: ByChain = new Map();
    const handlingCount: ByChain = new Map();
    for (const n of handled) {
      handlingMs.set(n.chainId, (handlingMs.get(n.chainId) ?? 0) + (n.resolvedAt!.getTime() - n.createdAt.getTime()));
      handlingCount.set(n.chainId, (handlingCount.get(n.chainId) ?? 0) + 1);
    }

    const figuresFor = (keys: Array<number | null>): DashboardFigures => {
      const sum = (m: ByChain) => keys.reduce<number>((acc, k) => acc + (m.get(k) ?? 0), 0);
      const f = Object.fromEntries((Object.keys(counted) as Counted[]).map((k) => [k, sum(counted[k])])) as Record<Counted, number>;
      const handledCount = sum(handlingCount);
      return {
        ...f,
        avgHandlingHours: handledCount ? Math.round((sum(handlingMs) / handledCount / 3600000) * 10) / 10 : null,
        satisfaction: f.ratedCount ? Math.round((sum(ratingSum) / f.ratedCount) * 100) / 100 : null,
      };
    };

    const allKeys = new Set<number | null>([null, ...allChains.map((c) => c.id)]);
    for (const m of Object.values(counted)) for (const k of m.keys()) allKeys.add(k);
    return {
      total: figuresFor(user.isAdmin ? [...allKeys] : chains.map((c) => c.id)),
      chains: chains.map((c) => ({ chainId: String(c.id), chainName: c.name, figures: figuresFor([c.id]) })),
      generatedAt: now.toISOString(),
    };
  }
}

async function grouped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<ByChain> {
  const rows = await qb.getRawMany<{ key: number | string | null; n: number | string }>();
  return new Map(rows.map((r) => [r.key === null ? null : Number(r.key), Number(r.n)]));
}

function notNull() {
  return Not(IsNull());
}
