import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FormAnswers, RegistrationStatus } from '@torch-red/shared';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ActivityEntity } from './activity.entity';
import { RegistrationEntity } from './registration.entity';

/** A registration as a feature built on activities sees it; `answers` are stored sealed (the caller opens them). */
export interface RegistrationRef {
  id: number;
  status: RegistrationStatus;
  answers: FormAnswers;
}

/**
 * The activity module's read model for features built on activities (月月谈): registrations by id, and the
 * activity joined to the feature's own rows so that a list can filter and page by the activity's columns.
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

  /** When the activity starts (throws EntityNotFoundError if it vanished), e.g. for a keyset cursor. */
  async startAtOf(id: number): Promise<Date> {
    return (await this.dataSource.getRepository(ActivityEntity).findOneOrFail({ select: { id: true, startAt: true }, where: { id } })).startAt;
  }
}
