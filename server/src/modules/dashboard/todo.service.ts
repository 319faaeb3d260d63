import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES, TODO_KINDS, TODO_LIMITS, type TodoItem, type TodoKind, type TodoResponse } from '@torch-red/shared';
import type { DataSource } from 'typeorm';
import { departmentIdsOf, hasRole, orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ActivityEntity } from '../activity/activity.entity';
import { RegistrationEntity } from '../activity/registration.entity';
import { AccessPolicy } from '../access/access-policy.service';
import { BrandEntity } from '../brand/brand.entity';
import { NeedAssignmentEntity } from '../need/need-assignment.entity';
import { NeedEntity } from '../need/need.entity';
import { MeetingDue, runningPeriods } from '../org-life/meeting-due.service';
import { chinaDay } from '../study/study-calendar';
import { InstructorEnterpriseEntity, VisitEntity } from '../visit/visit.entity';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/** Which kinds of work each role has; admins have all of them. */
const KINDS_OF_ROLE: Record<'SECRETARY' | 'COMMITTEE' | 'DEPARTMENT' | 'INSTRUCTOR', TodoKind[]> = {
  SECRETARY: ['REGISTRATIONS_TO_REVIEW', 'CHECKINS_TODAY', 'MEETINGS_DUE'],
  COMMITTEE: ['NEEDS_TO_DISPATCH', 'BRANDS_TO_REVIEW', 'NEEDS_OVERDUE'],
  DEPARTMENT: ['ASSIGNMENTS_TO_ACCEPT', 'ASSIGNMENTS_DUE_SOON'],
  INSTRUCTOR: ['ENTERPRISES_TO_VISIT'],
};

/**
 * 待办: one COUNT per kind of work, over exactly the rows the caller's lists show and the AccessPolicy lets them
 * act on (the workspace activities of the orgs they run, the ledger of their committees, the brands they may
 * review, their departments' assignments, their enterprises). Read-only.
 */
@Injectable()
export class TodoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly meetings: MeetingDue,
  ) {}

  async todo(user: AuthUser): Promise<TodoResponse> {
    const kinds = new Set<TodoKind>();
    for (const [role, list] of Object.entries(KINDS_OF_ROLE) as Array<[keyof typeof KINDS_OF_ROLE, TodoKind[]]>) {
      if (user.isAdmin || user.grants.some((g) => g.role === role)) list.forEach((k) => kinds.add(k));
    }
    const wanted = TODO_KINDS.filter((k) => kinds.has(k));
    const counts = await Promise.all(wanted.map((k) => this.count(user, k)));
    const items: TodoItem[] = wanted.map((kind, i) => ({ kind, count: counts[i] }));
    return { items };
  }

  private count(user: AuthUser, kind: TodoKind): Promise<number> {
    switch (kind) {
      case 'REGISTRATIONS_TO_REVIEW':
        return this.pendingRegistrations(user);
      case 'CHECKINS_TODAY':
        return this.activitiesToday(user);
      case 'MEETINGS_DUE':
        return this.meetingsDue(user);
      case 'NEEDS_TO_DISPATCH':
        return this.committeeNeeds(user, false);
      case 'NEEDS_OVERDUE':
        return this.committeeNeeds(user, true);
      case 'BRANDS_TO_REVIEW':
        return this.brandsToReview(user);
      case 'ASSIGNMENTS_TO_ACCEPT':
        return this.assignments(user, false);
      case 'ASSIGNMENTS_DUE_SOON':
        return this.assignments(user, true);
      case 'ENTERPRISES_TO_VISIT':
        return this.enterprisesToVisit(user);
    }
  }

  /** The orgs whose activities the caller runs (org.manage), as the workspace lists them; null = every org (admins). */
  private async managedOrgIds(user: AuthUser): Promise<number[] | null> {
    if (user.isAdmin) return null;
    const roots = [...orgIdsWithRole(user, 'SECRETARY'), ...orgIdsWithRole(user, 'COMMITTEE')];
    return roots.length ? (await this.policy.tree(user)).descendants(roots) : [];
  }

  private async pendingRegistrations(user: AuthUser): Promise<number> {
    const orgIds = await this.managedOrgIds(user);
    if (orgIds?.length === 0) return 0;
    const qb = this.dataSource
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .innerJoin(ActivityEntity, 'a', 'a.id = r.activityId')
      .where('r.status = :pending', { pending: 'PENDING' })
      .andWhere('a.status = :published', { published: 'PUBLISHED' });
    if (orgIds) qb.andWhere('a.orgId IN (:...orgIds)', { orgIds });
    return qb.getCount();
  }

  private async activitiesToday(user: AuthUser): Promise<number> {
    const orgIds = await this.managedOrgIds(user);
    if (orgIds?.length === 0) return 0;
    const dayStart = new Date(Date.parse(`${chinaDay(this.clock.now())}T00:00:00Z`) - CHINA_OFFSET);
    const qb = this.dataSource
      .getRepository(ActivityEntity)
      .createQueryBuilder('a')
      .where('a.status = :published', { published: 'PUBLISHED' })
      .andWhere('a.startAt >= :from AND a.startAt < :to', { from: dayStart, to: new Date(dayStart.getTime() + DAY) });
    if (orgIds) qb.andWhere('a.orgId IN (:...orgIds)', { orgIds });
    return qb.getCount();
  }

  /**
   * Required meetings of the orgs whose records the caller keeps (meeting.record: the orgs they are secretary of and
   * those below) still without an archived record in the running period: the calendar's 本期待开. Admins: every org.
   */
  private async meetingsDue(user: AuthUser): Promise<number> {
    const roots = orgIdsWithRole(user, 'SECRETARY');
    if (!user.isAdmin && roots.length === 0) return 0;
    const orgIds = user.isAdmin ? undefined : (await this.policy.tree(user)).descendants(roots);
    return (await this.meetings.missing(runningPeriods(this.clock.now()), orgIds)).length;
  }

  /** Ledger rows (need.committee): SUBMITTED ones, or those with an active assignment past its deadline. */
  private async committeeNeeds(user: AuthUser, overdue: boolean): Promise<number> {
    const committees = orgIdsWithRole(user, 'COMMITTEE');
    if (!user.isAdmin && committees.length === 0) return 0;
    const qb = this.dataSource.getRepository(NeedEntity).createQueryBuilder('n');
    if (!user.isAdmin) qb.where('n.committeeOrgId IN (:...committees)', { committees });
    if (overdue) {
      qb.andWhere('EXISTS (SELECT 1 FROM need_assignments oa WHERE oa.needId = n.id AND oa.status IN (:...active) AND oa.deadline <= :now)', {
        active: [...ACTIVE_ASSIGNMENT_STATUSES],
        now: this.clock.now(),
      });
    } else {
      qb.andWhere('n.status = :submitted', { submitted: 'SUBMITTED' });
    }
    return qb.getCount();
  }

  private async brandsToReview(user: AuthUser): Promise<number> {
    const repo = this.dataSource.getRepository(BrandEntity);
    const rows = await repo.createQueryBuilder('b').select('b.orgId', 'orgId').where('b.status = :status', { status: 'SUBMITTED' }).getRawMany<{ orgId: number | string }>();
    const allowed = await this.policy.allowed(user, 'brand.review', rows.map((r) => Number(r.orgId)));
    return rows.filter((r) => allowed.has(Number(r.orgId))).length;
  }

  /** The caller's departments' assignments (assignment.handle); admins: every department's. */
  private async assignments(user: AuthUser, dueSoon: boolean): Promise<number> {
    const departments = departmentIdsOf(user);
    if (!user.isAdmin && departments.length === 0) return 0;
    const qb = this.dataSource.getRepository(NeedAssignmentEntity).createQueryBuilder('a');
    if (!user.isAdmin) qb.where('a.departmentId IN (:...departments)', { departments });
    if (dueSoon) {
      const now = this.clock.now();
      qb.andWhere('a.status IN (:...active)', { active: [...ACTIVE_ASSIGNMENT_STATUSES] }).andWhere('a.deadline > :now AND a.deadline <= :soon', {
        now,
        soon: new Date(now.getTime() + TODO_LIMITS.dueSoonHours * HOUR),
      });
    } else {
      qb.andWhere('a.status = :pending', { pending: 'PENDING' });
    }
    return qb.getCount();
  }

  /** Enterprises assigned to the caller (enterprise.visit) with no visit in the last visitEveryDays days; admins: every assigned enterprise. */
  private async enterprisesToVisit(user: AuthUser): Promise<number> {
    if (!user.isAdmin && !hasRole(user, 'INSTRUCTOR')) return 0;
    const qb = this.dataSource.getRepository(InstructorEnterpriseEntity).createQueryBuilder('l').select('DISTINCT l.enterpriseId', 'enterpriseId');
    if (!user.isAdmin) qb.where('l.instructorId = :me', { me: user.id });
    const enterpriseIds = (await qb.getRawMany<{ enterpriseId: number | string }>()).map((r) => Number(r.enterpriseId));
    if (enterpriseIds.length === 0) return 0;
    const since = chinaDay(new Date(this.clock.now().getTime() - TODO_LIMITS.visitEveryDays * DAY));
    const visited = await this.dataSource
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .select('DISTINCT v.enterpriseId', 'enterpriseId')
      .where('v.enterpriseId IN (:...enterpriseIds)', { enterpriseIds })
      .andWhere('v.visitedOn > :since', { since })
      .getRawMany<{ enterpriseId: number | string }>();
    return enterpriseIds.length - new Set(visited.map((r) => Number(r.enterpriseId))).size;
  }
}
