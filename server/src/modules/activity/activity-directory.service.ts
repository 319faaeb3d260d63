import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityType, AttendanceStatus, FormAnswers, RegistrationStatus } from '@torch-red/shared';
import { DataSource, In, MoreThan, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { sqlDate } from '../../database/sql-time';
import { ActivityEntity } from './activity.entity';
import { RegistrationEntity } from './registration.entity';

/** A registration as a feature built on activities sees it; `answers` are stored sealed (the caller opens them). */
export interface RegistrationRef {
  id: number;
  status: RegistrationStatus;
  answers: FormAnswers;
}

/** A published activity of an organisation that has ended, with how many checked in. */
export interface EndedActivityRef {
  id: number;
  title: string;
  startAt: Date;
  checkedInCount: number;
}

/** An activity and how each registered person took part, for a record made from it (组织生活). */
export interface ActivityAttendance {
  id: number;
  orgId: number;
  title: string;
  type: ActivityType;
  location: string;
  /** The cover image's URL, if it has one. */
  coverUrl: string | null;
  startAt: Date;
  endAt: Date;
  /** PUBLISHED and ended by `now`. */
  ended: boolean;
  registrations: Array<{ userId: number; status: RegistrationStatus; attendance: AttendanceStatus; leaveReason: string | null }>;
}

/**
 * The activity module's read model for features built on activities (月月谈, 组织生活): registrations by id, the
 * activity joined to the feature's own rows so that a list can filter and page by the activity's columns, and
 * the attendance of ended activities.
 */
@Injectable()
export class ActivityDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Registrations by id (missing ids are absent). One query. */
  async registrations(ids: Iterable<number>): Promise<Map<number, RegistrationRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(RegistrationEntity).find({ select: { id: true, status: true, answers: true }, where: { id: In(unique) } });
    return new Map(rows.map((r) => [r.id, { id: r.id, status: r.status, answers: r.answers }]));
  }

  /** The person's own registration status per activity (activities they never signed up for are absent). One query. */
  async myRegistrationStatuses(userId: number, activityIds: Iterable<number>): Promise<Map<number, RegistrationStatus>> {
    const unique = [...new Set(activityIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(RegistrationEntity).find({ select: { id: true, activityId: true, status: true }, where: { userId, activityId: In(unique) } });
    return new Map(rows.map((r) => [r.activityId, r.status]));
  }

  /** Inner-joins each row's activity as `alias` (`activityIdColumn` is the row's column holding the activity id). */
  joinActivity<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, activityIdColumn: string): SelectQueryBuilder<T> {
    return qb.innerJoin(ActivityEntity, alias, `${alias}.id = ${activityIdColumn}`);
  }

  /**
   * The organisation's published activities that ended by `now`, newest first, leaving out `except`; each with
   * its number of check-ins. One query.
   */
  async endedOf(orgId: number, now: Date, except: number[], limit: number): Promise<EndedActivityRef[]> {
    const qb = this.dataSource
      .getRepository(ActivityEntity)
      .createQueryBuilder('a')
      .leftJoin(RegistrationEntity, 'r', "r.activityId = a.id AND r.attendance = 'CHECKED_IN'")
      .select('a.id', 'id')
      .addSelect('a.title', 'title')
      .addSelect('a.startAt', 'startAt')
      .addSelect('COUNT(r.id)', 'checkedIn')
      .where('a.orgId = :orgId', { orgId })
      .andWhere("a.status = 'PUBLISHED'")
      .andWhere('a.endAt <= :now', { now })
      .groupBy('a.id')
      .addGroupBy('a.title')
      .addGroupBy('a.startAt')
      .orderBy('a.startAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (except.length > 0) qb.andWhere('a.id NOT IN (:...except)', { except });
    const rows: Array<{ id: number | string; title: string; startAt: Date | string; checkedIn: number | string }> = await qb.getRawMany();
    return rows.map((r) => ({ id: Number(r.id), title: r.title, startAt: sqlDate(r.startAt), checkedInCount: Number(r.checkedIn) }));
  }

  /** The organisation's activities still to come or running (drafts and published ones not ended by `now`), soonest first. One query. */
  async unfinishedOf(orgId: number, now: Date, m: EntityManager = this.dataSource.manager): Promise<Array<{ id: number; title: string }>> {
    return m.getRepository(ActivityEntity).find({
      select: { id: true, title: true },
      where: { orgId, status: In(['DRAFT', 'PUBLISHED']), endAt: MoreThan(now) },
      order: { startAt: 'ASC', id: 'ASC' },
    });
  }

  /** An activity with the attendance of everyone registered (null when there is no such activity). Two queries. */
  async attendanceOf(id: number, now: Date): Promise<ActivityAttendance | null> {
    const a = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
    if (!a) return null;
    const rows = await this.dataSource
      .getRepository(RegistrationEntity)
      .find({ select: { id: true, userId: true, status: true, attendance: true, leaveReason: true }, where: { activityId: id }, order: { id: 'ASC' } });
    return {
      id: a.id,
      orgId: a.orgId,
      title: a.title,
      type: a.type,
      location: a.location,
      coverUrl: a.coverUrl,
      startAt: a.startAt,
      endAt: a.endAt,
      ended: a.status === 'PUBLISHED' && a.endAt.getTime() <= now.getTime(),
      registrations: rows.map((r) => ({ userId: r.userId, status: r.status, attendance: r.attendance, leaveReason: r.leaveReason })),
    };
  }

  /** When the activity starts (throws EntityNotFoundError if it vanished), e.g. for a keyset cursor. */
  async startAtOf(id: number): Promise<Date> {
    return (await this.dataSource.getRepository(ActivityEntity).findOneOrFail({ select: { id: true, startAt: true }, where: { id } })).startAt;
  }
}
