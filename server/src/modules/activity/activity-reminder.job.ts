import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { Tx } from '../../database/tx.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { ActivityNotices } from './activity-notices';
import { ActivityEntity } from './activity.entity';
import { RegistrationEntity } from './registration.entity';

/** "Starts in 1 hour", every minute: each activity claims its reminder with a conditional update, so it goes out once. */
@Injectable()
export class ActivityReminderJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerService,
    private readonly notices: ActivityNotices,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('activity-start-reminders', 60000, () => this.sendStartReminders().then(() => undefined));
  }

  /** Reminds everyone confirmed (and not on leave); returns how many people were told. */
  async sendStartReminders(): Promise<number> {
    const now = this.clock.now();
    const soon = new Date(now.getTime() + 3600 * 1000);
    const due = await this.dataSource
      .getRepository(ActivityEntity)
      .createQueryBuilder('a')
      .where('a.status = :status', { status: 'PUBLISHED' })
      .andWhere('a.reminderSentAt IS NULL')
      .andWhere('a.startAt > :now AND a.startAt <= :soon', { now, soon })
      .getMany();
    let sent = 0;
    for (const activity of due) {
      await this.tx.run(async (m) => {
        const claim = await m.getRepository(ActivityEntity).update({ id: activity.id, reminderSentAt: IsNull() }, { reminderSentAt: now });
        if (!claim.affected) return;
        const people = (await m.getRepository(RegistrationEntity).findBy({ activityId: activity.id, status: 'CONFIRMED' }))
          .filter((r) => r.attendance !== 'LEAVE')
          .map((r) => r.userId);
        await this.notices.starting(m, people, activity);
        sent += people.length;
      });
    }
    return sent;
  }
}
