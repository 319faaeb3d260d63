import { Injectable } from '@nestjs/common';
import { ACTIVE_REGISTRATION_STATUSES, type RegistrationStatus } from '@torch-red/shared';
import { Brackets, In, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { forUpdate } from '../../database/row-lock';
import { ActivityEntity } from './activity.entity';
import { ActivityNotices } from './activity-notices';
import { RegistrationEntity } from './registration.entity';

export const ACTIVE: RegistrationStatus[] = [...ACTIVE_REGISTRATION_STATUSES];

/**
 * Seats and the waitlist, the rules every sign-up path shares: never more confirmed than capacity,
 * whichever process asks; the waitlist in (queuedAt, id) order. Every method works inside the
 * caller's transaction, after `lockActivity`.
 */
@Injectable()
export class SeatEngine {
  constructor(private readonly notices: ActivityNotices) {}

  /** Locks the activity row for the rest of the transaction (MySQL); SQLite transactions are already serial. */
  async lockActivity(m: EntityManager, id: number): Promise<ActivityEntity> {
    const activity = await forUpdate(m.getRepository(ActivityEntity).createQueryBuilder('a').where('a.id = :id', { id })).getOne();
    if (!activity) throw new AppError('NOT_FOUND');
    return activity;
  }

  /** One seat, atomically: a conditional update that only passes while a seat is free. */
  async takeSeat(m: EntityManager, activity: ActivityEntity): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(ActivityEntity)
      .set({ confirmedCount: () => 'confirmedCount + 1' })
      .where('id = :id', { id: activity.id })
      .andWhere(new Brackets((qb) => qb.where('capacity IS NULL').orWhere('confirmedCount < capacity')))
      .execute();
    if (result.affected) activity.confirmedCount += 1;
    return Boolean(result.affected);
  }

  async releaseSeat(m: EntityManager, id: number): Promise<void> {
    await m.createQueryBuilder().update(ActivityEntity).set({ confirmedCount: () => 'confirmedCount - 1' }).where('id = :id AND confirmedCount > 0', { id }).execute();
  }

  /** Fills free seats from the head of the waitlist; approval-mode activities send the person to review instead. */
  async promote(m: EntityManager, activity: ActivityEntity): Promise<void> {
    const repo = m.getRepository(RegistrationEntity);
    for (let i = 0; i < 1000; i++) {
      const fresh = (await m.getRepository(ActivityEntity).findOneBy({ id: activity.id }))!;
      if (fresh.capacity !== null && fresh.confirmedCount >= fresh.capacity) return;
      const next = await repo.findOne({ where: { activityId: activity.id, status: 'WAITLISTED' }, order: { queuedAt: 'ASC', id: 'ASC' } });
      if (!next) return;
      if (fresh.requiresApproval) {
        const moved = await repo.update({ id: next.id, status: 'WAITLISTED' }, { status: 'PENDING' });
        if (moved.affected) await this.notices.promoted(m, next.userId, fresh, true);
        // One seat, one person in review: the seat is taken when the secretary approves.
        return;
      }
      if (!(await this.takeSeat(m, fresh))) return;
      const moved = await repo.update({ id: next.id, status: 'WAITLISTED' }, { status: 'CONFIRMED' });
      if (!moved.affected) {
        await this.releaseSeat(m, fresh.id);
        continue;
      }
      await this.notices.promoted(m, next.userId, fresh, false);
    }
  }

  /** 1-based place on the waitlist, in the order `promote` takes people; null when not waitlisted. */
  async positionOf(m: EntityManager, reg: RegistrationEntity): Promise<number | null> {
    if (reg.status !== 'WAITLISTED') return null;
    const ahead = await m
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .where('r.activityId = :activityId AND r.status = :status', { activityId: reg.activityId, status: 'WAITLISTED' })
      .andWhere(new Brackets((qb) => qb.where('r.queuedAt < :queuedAt', { queuedAt: reg.queuedAt }).orWhere('r.queuedAt = :queuedAt AND r.id < :id', { queuedAt: reg.queuedAt, id: reg.id })))
      .getCount();
    return ahead + 1;
  }

  /** Everyone holding or waiting for a seat (told when the activity changes or is cancelled). */
  async activeRegistrants(m: EntityManager, activityId: number): Promise<number[]> {
    return (await m.getRepository(RegistrationEntity).findBy({ activityId, status: In(ACTIVE) })).map((r) => r.userId);
  }
}
