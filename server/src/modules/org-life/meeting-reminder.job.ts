import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_CALENDAR_PAGE, MEETING_KIND_LABELS, MEETING_LIMITS, MEETING_PERIOD_UNITS, type MeetingPeriodUnit } from '@torch-red/shared';
import { DataSource, In } from 'typeorm';
import { Clock, formatChinaDateTime } from '../../common/clock';
import { execute } from '../../database/raw-sql';
import { Tx } from '../../database/tx.service';
import { NotificationService } from '../notification/notification.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { MeetingDue, type DueMeeting } from './meeting-due.service';
import { inFinalDays, periodEnd, periodKey, periodOf, type Period } from './meeting-period';
import { MeetingReminderEntity } from './meeting-rule.entity';

const UNIT_LABEL = { MONTH: '本月', QUARTER: '本季度', YEAR: '本年度' } as const;

/**
 * "Still missing" reminders, hourly through the scheduler's lease: in the last MEETING_LIMITS.reminderDaysBefore
 * days of a period, each judged organisation's secretaries hear once of every required kind without an archived
 * record in it. What makes it once is the unique (org, kind, period) row: every process inserts-or-ignores it
 * and only the one whose insert landed writes the message (in the same transaction, through the outbox).
 */
@Injectable()
export class MeetingReminderJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerService,
    private readonly due: MeetingDue,
    private readonly notifications: NotificationService,
    private readonly people: PeopleDirectory,
    private readonly orgs: OrgDirectory,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('meeting-reminders', 3600 * 1000, (signal) => this.sendReminders(signal).then(() => undefined));
  }

  /** Sends what is due now; returns how many (org, kind, period) reminders this call sent. */
  async sendReminders(signal?: AbortSignal): Promise<number> {
    const due = await this.dueNow();
    let sent = 0;
    for (const d of due) {
      if (signal?.aborted) break;
      if (await this.claimAndSend(d)) sent++;
    }
    return sent;
  }

  /** Every open, judged org × required kind whose running period ends within the window and has no archived record. */
  private async dueNow(): Promise<DueMeeting[]> {
    const now = this.clock.now();
    // The running period of each unit, when it is in its last days.
    const closing = new Map<MeetingPeriodUnit, Period>();
    for (const unit of MEETING_PERIOD_UNITS) {
      const period = periodOf(now, unit);
      if (inFinalDays(period, now, MEETING_LIMITS.reminderDaysBefore)) closing.set(unit, period);
    }
    if (closing.size === 0) return [];
    const candidates = await this.due.missing(closing);
    if (candidates.length === 0) return [];
    // Reading what went out already only saves work; the insert below decides.
    const sent = await this.dataSource.getRepository(MeetingReminderEntity).find({ where: { period: In([...new Set(candidates.map((c) => periodKey(c.period)))]) } });
    const done = new Set(sent.map((r) => `${r.orgId}:${r.kind}:${r.period}`));
    return candidates.filter((c) => !done.has(`${c.orgId}:${c.kind}:${periodKey(c.period)}`));
  }

  private claimAndSend(d: DueMeeting): Promise<boolean> {
    const key = periodKey(d.period);
    const ignore = this.tx.isMysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    return this.tx.run(async (m) => {
      const claim = await execute(m, `${ignore} INTO meeting_reminders (orgId, kind, period) VALUES (?, ?, ?)`, [d.orgId, d.kind, key]);
      if (claim.affected !== 1) return false;
      const secretaries = await this.people.holders('SECRETARY', { orgIds: [d.orgId] }, m);
      if (secretaries.length === 0) return true;
      const org = await this.orgs.org(d.orgId, m);
      const label = MEETING_KIND_LABELS[d.kind];
      const deadline = formatChinaDateTime(new Date(periodEnd(d.period).getTime() - 60000));
      await this.notifications.notify(m, secretaries, {
        kind: 'MEETING_DUE',
        title: `${label}尚未完成`,
        body: `${org?.name ?? '本支部'}${UNIT_LABEL[d.period.unit]}（${key}）的${label}还没有归档的会议记录，请在 ${deadline} 前召开并归档。`,
        link: `${MEETING_CALENDAR_PAGE}?orgId=${d.orgId}`,
        wechat: { templateKey: 'meeting_reminder', data: { thing1: label, thing2: (org?.name ?? '本支部').slice(0, 20), time3: deadline, thing4: `${key}尚未归档会议记录` } },
      });
      return true;
    });
  }
}
