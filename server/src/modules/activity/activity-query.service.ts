import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityDetailResponse, ActivityResponse, MyRegistrationItem, MyRegistrationResponse, Page } from '@torch-red/shared';
import { DataSource, In } from 'typeorm';
import { orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import type { Time } from '../../database/sql-time';
import { DataCipher } from '../../common/crypto/data-cipher';
import { AppError } from '../../common/errors/app-error';
import { AccessPolicy } from '../access/access-policy.service';
import { OrgDirectory } from '../org/org-directory.service';
import { ActivityAccess } from './activity-access';
import { ActivityEntity } from './activity.entity';
import { ActivityRepository, type ActivityFilter, type ActivityView, type RegistrationView } from './activity.repository';
import { toActivityResponse, toMyRegistrationResponse, type ActivityCounts } from './activity.mapper';
import type { ActivityListQueryDto } from './dto/activity.dto';
import { RegistrationEntity } from './registration.entity';
import { SeatEngine } from './seat-engine.service';
import { openAnswers } from './sealed-answers';

/** The read side: lists, the detail page and the responses other features build on activities. */
@Injectable()
export class ActivityQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly access: ActivityAccess,
    private readonly seats: SeatEngine,
    private readonly activities: ActivityRepository,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  /** One query: the page with org names and queue counts (see ActivityRepository). */
  async list(user: AuthUser, query: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    const filter: ActivityFilter = {};
    if (query.orgId || query.chainId) {
      const tree = await this.policy.tree(user);
      if (query.orgId) filter.orgIds = nonEmpty(tree.descendants([Number(query.orgId)]));
      if (query.chainId) filter.chainOrgIds = nonEmpty(tree.orgsOfChain(Number(query.chainId)));
    }
    if (query.type) filter.type = query.type;
    if (query.from) filter.from = new Date(query.from);
    if (query.to) filter.to = new Date(query.to);
    if (query.cursor) filter.before = Number(query.cursor);
    if (query.sort === 'START') filter.byStart = true;
    const audience = await this.access.audience(user);
    if (audience) filter.audience = audience;
    const rows = await this.activities.published(filter, query.limit + 1, user.proof);
    const page = rows.slice(0, query.limit);
    const now = this.clock.now().toISOString();
    return {
      items: page.map((r) => toActivityResponse(r.activity, r.orgName, r.counts, now)),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1].activity.id) : null,
    };
  }

  /** Activities of the orgs this person runs, drafts and cancelled ones included. */
  async workspace(user: AuthUser, query: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    const qb = this.dataSource.getRepository(ActivityEntity).createQueryBuilder('a');
    if (!user.isAdmin) {
      const roots = [...orgIdsWithRole(user, 'SECRETARY'), ...orgIdsWithRole(user, 'COMMITTEE')];
      if (roots.length === 0) return { items: [], nextCursor: null };
      qb.where('a.orgId IN (:...orgIds)', { orgIds: nonEmpty((await this.policy.tree(user)).descendants(roots)) });
    }
    if (query.orgId) qb.andWhere('a.orgId = :orgId', { orgId: Number(query.orgId) });
    if (query.cursor) qb.andWhere('a.id < :cursor', { cursor: Number(query.cursor) });
    const rows = await qb.orderBy('a.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return { items: await this.respondMany(page), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  /** One query for the activity, its queues and my registration; the access check reads nothing for a plain member. */
  async detail(user: AuthUser, id: number): Promise<ActivityDetailResponse> {
    const read = await this.activities.withMine(id, user.id, user.proof);
    if (!read) throw new AppError('NOT_FOUND');
    const canManage = await this.policy.can(user, 'org.manage', read.activity.orgId);
    if (read.activity.status === 'DRAFT' && !canManage) throw new AppError('NOT_FOUND');
    // Outside the audience it looks missing, unless the person already registered (visibility changed since).
    if (!canManage && !read.mine) await this.access.requireAudience(user, read.activity);
    const now = this.clock.now().toISOString();
    return {
      ...toActivityResponse(read.activity, read.orgName, read.counts, now),
      myRegistration: read.mine ? this.myView(read.mine, read.position, read.activity, now) : null,
      canManage,
    };
  }

  /** One query: my registrations with their activities, queues and my waitlist places. */
  async myRegistrations(user: AuthUser, limit: number, cursor?: number): Promise<Page<MyRegistrationItem>> {
    const rows = await this.activities.mine(user.id, limit + 1, cursor, user.proof);
    const page = rows.slice(0, limit);
    const now = this.clock.now().toISOString();
    return {
      items: page.map((r) => ({
        registration: this.myView(r.mine!, r.position, r.activity, now),
        activity: toActivityResponse(r.activity, r.orgName, r.counts, now),
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1].mine!.id) : null,
    };
  }

  /** Responses for a set of activities by id (other features that build on activities use this). */
  async responsesFor(ids: number[]): Promise<Map<number, ActivityResponse>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ActivityEntity).findBy({ id: In(ids) });
    const responses = await this.respondMany(rows);
    return new Map(rows.map((r, i) => [r.id, responses[i]]));
  }

  async respond(activity: ActivityEntity): Promise<ActivityResponse> {
    return (await this.respondMany([activity]))[0];
  }

  async respondMany(activities: ActivityEntity[]): Promise<ActivityResponse[]> {
    if (activities.length === 0) return [];
    const ids = activities.map((a) => a.id);
    const counts: Array<{ activityId: number | string; status: string; n: number | string }> = await this.dataSource
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .select('r.activityId', 'activityId')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.activityId IN (:...ids)', { ids })
      .andWhere('r.status IN (:...statuses)', { statuses: ['WAITLISTED', 'PENDING'] })
      .groupBy('r.activityId')
      .addGroupBy('r.status')
      .getRawMany();
    const orgs = await this.orgDirectory.orgs(activities.map((a) => a.orgId));
    const now = this.clock.now().toISOString();
    return activities.map((a) => {
      const of = (status: string) => Number(counts.find((c) => Number(c.activityId) === a.id && c.status === status)?.n ?? 0);
      const c: ActivityCounts = { waitlistCount: of('WAITLISTED'), pendingCount: of('PENDING') };
      return toActivityResponse(a, orgs.get(a.orgId)?.name ?? '', c, now);
    });
  }

  /** The caller's own registration as read with its activity and waitlist place (phones masked). */
  myView(reg: RegistrationView<Time>, position: number | null, activity: ActivityView<Time>, now: Time): MyRegistrationResponse {
    const answers = openAnswers(this.cipher, reg.answers, 'mask');
    return toMyRegistrationResponse(answers === reg.answers ? reg : { ...reg, answers }, position, activity, now);
  }

  /** The caller's own registration; `activity` when the caller has it at hand, else it is read. */
  async registrationView(reg: RegistrationEntity, activity?: ActivityEntity): Promise<MyRegistrationResponse> {
    const of = activity ?? (await this.access.reload(reg.activityId));
    const opened = { ...reg, answers: openAnswers(this.cipher, reg.answers, 'mask') };
    return toMyRegistrationResponse(opened, await this.seats.positionOf(this.dataSource.manager, reg), of, this.clock.now());
  }
}

/** `IN (...)` needs at least one value; 0 matches no row. */
function nonEmpty(ids: number[]): number[] {
  return ids.length ? ids : [0];
}
