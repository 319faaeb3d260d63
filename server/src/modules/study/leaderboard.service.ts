import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GroupBoardItem, GroupBoardResponse, LeaderboardResponse, LeaderboardScope, ParticipationResponse } from '@torch-red/shared';
import { LEADERBOARD_NOTICE, STUDY_LIMITS } from '@torch-red/shared';
import { DataSource, In } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { UserTotalEntity, UserWeekEntity } from './points.entity';
import { chinaWeek } from './study-calendar';

type Count = { key: number | string | null; n: number | string; total?: number | string | null };

/**
 * Boards read only the aggregate tables, through indexes that match their ORDER BY:
 * top-50 is an index range scan, "my rank" is one COUNT over the same index.
 */
@Injectable()
export class LeaderboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly people: PeopleDirectory,
    private readonly orgs: OrgDirectory,
  ) {}

  async leaderboard(user: AuthUser, scope: LeaderboardScope): Promise<LeaderboardResponse> {
    const week = chinaWeek(this.clock.now());
    const isWeek = scope === 'WEEK';
    const repo = isWeek ? this.dataSource.getRepository(UserWeekEntity) : this.dataSource.getRepository(UserTotalEntity);
    const where = isWeek ? 'b.week = :week AND b.optIn = 1' : 'b.optIn = 1';
    const top: Array<{ userId: number | string; points: number | string }> = await repo
      .createQueryBuilder('b')
      .select('b.userId', 'userId')
      .addSelect('b.points', 'points')
      .where(`${where} AND b.points > 0`, { week })
      .orderBy('b.points', 'DESC')
      .addOrderBy('b.userId', 'DESC')
      .limit(STUDY_LIMITS.leaderboardSize)
      .getRawMany();
    const mine = isWeek
      ? await this.dataSource.getRepository(UserWeekEntity).findOneBy({ userId: user.id, week })
      : await this.dataSource.getRepository(UserTotalEntity).findOneBy({ userId: user.id });
    const optedIn = isWeek
      ? ((await this.dataSource.getRepository(UserTotalEntity).findOneBy({ userId: user.id }))?.optIn ?? false)
      : (mine?.optIn ?? false);
    const points = mine?.points ?? 0;
    let rank: number | null = null;
    if (optedIn) {
      const ahead = await repo.createQueryBuilder('b').where(`${where} AND b.points > :points`, { week, points }).getCount();
      rank = ahead + 1;
    }
    const ids = top.map((r) => Number(r.userId));
    const names = await this.people.names(ids);
    let position = 0;
    let previous: number | null = null;
    const items = top.map((r, i) => {
      const p = Number(r.points);
      if (p !== previous) position = i + 1;
      previous = p;
      return { rank: position, userId: String(r.userId), name: names.get(Number(r.userId)) ?? '', points: p };
    });
    return { notice: LEADERBOARD_NOTICE, scope, period: isWeek ? week : null, items, me: { optedIn, points, rank } };
  }

  /** This week's participation by organisation: rates and averages, never individuals. */
  async branchBoard(): Promise<GroupBoardResponse> {
    const week = chinaWeek(this.clock.now());
    const members: Count[] = await this.people.countBy('orgId');
    const active: Count[] = await this.dataSource
      .getRepository(UserWeekEntity)
      .createQueryBuilder('w')
      .select('w.orgId', 'key')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(w.points)', 'total')
      .where('w.week = :week AND w.orgId IS NOT NULL AND (w.points > 0 OR w.studySeconds > 0)', { week })
      .groupBy('w.orgId')
      .getRawMany();
    const orgIds = members.map((m) => Number(m.key));
    const orgs = [...(await this.orgs.orgs(orgIds)).values()];
    return { notice: LEADERBOARD_NOTICE, week, items: groupItems(orgs.map((o) => ({ id: o.id, name: o.name, keys: [o.id] })), members, active) };
  }

  async chainBoard(): Promise<GroupBoardResponse> {
    const week = chinaWeek(this.clock.now());
    const members: Count[] = await this.people.countBy('enterpriseId');
    const active: Count[] = await this.dataSource
      .getRepository(UserWeekEntity)
      .createQueryBuilder('w')
      .select('w.enterpriseId', 'key')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(w.points)', 'total')
      .where('w.week = :week AND w.enterpriseId IS NOT NULL AND (w.points > 0 OR w.studySeconds > 0)', { week })
      .groupBy('w.enterpriseId')
      .getRawMany();
    const [chains, enterprises] = await Promise.all([this.orgs.chains(), this.orgs.allEnterprises()]);
    const groups = chains.map((c) => ({ id: c.id, name: c.name, keys: enterprises.filter((e) => e.chainId === c.id).map((e) => e.id) }));
    return { notice: LEADERBOARD_NOTICE, week, items: groupItems(groups, members, active) };
  }

  /** For the secretary: who in this organisation has studied this week — a list by name, not a ranking. */
  async participation(user: AuthUser, orgId: number): Promise<ParticipationResponse> {
    await this.policy.require(user, 'org.read', orgId);
    const org = await this.orgs.org(orgId);
    if (!org) throw new AppError('NOT_FOUND');
    const week = chinaWeek(this.clock.now());
    const people = await this.people.membersOf(orgId);
    const rows = people.length
      ? await this.dataSource.getRepository(UserWeekEntity).find({ select: { userId: true, points: true, studySeconds: true }, where: { week, userId: In(people.map((p) => p.id)) } })
      : [];
    const studied = new Set(rows.filter((r) => r.points > 0 || r.studySeconds > 0).map((r) => r.userId));
    const items = people
      .map((p) => ({ userId: String(p.id), name: p.name, studied: studied.has(p.id) }))
      .sort((a, b) => Number(a.studied) - Number(b.studied) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
    return { orgId: String(org.id), orgName: org.name, week, memberCount: people.length, studiedCount: studied.size, items };
  }
}

function groupItems(groups: Array<{ id: number; name: string; keys: number[] }>, members: Count[], active: Count[]): GroupBoardItem[] {
  const sum = (rows: Count[], keys: number[], field: 'n' | 'total') =>
    rows.filter((r) => keys.includes(Number(r.key))).reduce((acc, r) => acc + Number(r[field] ?? 0), 0);
  return groups
    .map((g) => {
      const memberCount = sum(members, g.keys, 'n');
      const participantCount = Math.min(memberCount, sum(active, g.keys, 'n'));
      const points = sum(active, g.keys, 'total');
      return {
        id: String(g.id),
        name: g.name,
        memberCount,
        participantCount,
        participationRate: memberCount ? Math.round((participantCount / memberCount) * 1000) / 1000 : 0,
        averagePoints: memberCount ? Math.round((points / memberCount) * 10) / 10 : 0,
      };
    })
    .filter((g) => g.memberCount > 0)
    .sort((a, b) => b.participationRate - a.participationRate || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}
