import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES, NEED_LIMITS, OPEN_NEED_STATUSES, type DeadlineRunResult, type NeedStatus } from '@torch-red/shared';
import { DataSource, In, IsNull, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import type { AuthUser } from '../../common/auth/auth-user';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { NeedAssignmentEntity } from './need-assignment.entity';
import { NeedNotifier, recordNeedEvent } from './need-notifier';
import { NeedQueryService } from './need-query.service';
import { deadlineNote } from './need.mapper';
import { NeedEntity } from './need.entity';

const DAY = 86400000;
const OPEN: NeedStatus[] = [...OPEN_NEED_STATUSES];

/** Deadlines and escalation, every five minutes (and on demand from the admin route). */
@Injectable()
export class NeedDeadlineJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerService,
    private readonly notifier: NeedNotifier,
    private readonly query: NeedQueryService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('need-deadlines', 5 * 60000, () => this.runDeadlineChecks().then(() => undefined));
  }

  /**
   * Reminds departments before a deadline, flags overdue assignments and escalates them to the admins, and
   * escalates needs nobody touched for NEED_LIMITS.staleDays. Each step is claimed by a conditional UPDATE,
   * so it happens once however many processes run the job.
   */
  async runDeadlineChecks(): Promise<DeadlineRunResult> {
    const now = this.clock.now();
    const result: DeadlineRunResult = { reminded: 0, overdue: 0, escalated: 0 };
    const assignments = this.dataSource.getRepository(NeedAssignmentEntity);

    const soon = await assignments.find({
      where: { status: In([...ACTIVE_ASSIGNMENT_STATUSES]), reminderSentAt: IsNull(), deadline: LessThanOrEqual(new Date(now.getTime() + NEED_LIMITS.reminderHoursBefore * 3600000)) },
    });
    for (const a of soon.filter((x) => x.deadline.getTime() > now.getTime())) {
      await this.tx.run(async (m) => {
        const claim = await m.getRepository(NeedAssignmentEntity).update({ id: a.id, reminderSentAt: IsNull() }, { reminderSentAt: now });
        if (!claim.affected) return;
        const need = (await m.getRepository(NeedEntity).findOneBy({ id: a.needId }))!;
        await recordNeedEvent(m, need.id, null, 'REMINDED', a.departmentId, deadlineNote(a.deadline));
        await this.notifier.deadlineSoon(m, need, a);
        result.reminded++;
      });
    }

    const late = await assignments.find({ where: { status: In([...ACTIVE_ASSIGNMENT_STATUSES]), overdueAt: IsNull(), deadline: LessThanOrEqual(now) } });
    for (const a of late) {
      await this.tx.run(async (m) => {
        const claim = await m.getRepository(NeedAssignmentEntity).update({ id: a.id, overdueAt: IsNull() }, { overdueAt: now });
        if (!claim.affected) return;
        const need = (await m.getRepository(NeedEntity).findOneBy({ id: a.needId }))!;
        const department = (await this.query.departmentNames([a.departmentId])).get(a.departmentId) ?? '承办部门';
        await recordNeedEvent(m, need.id, null, 'OVERDUE', a.departmentId, this.notifier.overdueNote(a));
        await this.notifier.overdue(m, need, a, department);
        result.overdue++;
      });
    }

    const staleBefore = new Date(now.getTime() - NEED_LIMITS.staleDays * DAY);
    const stale = await this.dataSource.getRepository(NeedEntity).find({ where: { status: In(OPEN), escalatedAt: IsNull(), lastActivityAt: LessThanOrEqual(staleBefore) } });
    for (const n of stale) {
      await this.tx.run(async (m) => {
        const claim = await m.getRepository(NeedEntity).update({ id: n.id, escalatedAt: IsNull(), lastActivityAt: LessThanOrEqual(staleBefore) }, { escalatedAt: now });
        if (!claim.affected) return;
        await recordNeedEvent(m, n.id, null, 'ESCALATED', null, `已 ${NEED_LIMITS.staleDays} 天无人处理`);
        await this.notifier.escalated(m, n);
        result.escalated++;
      });
    }
    return result;
  }

  /** The same run started by an admin from 管理后台: audited with what it did. */
  async runDeadlineChecksBy(actor: AuthUser): Promise<DeadlineRunResult> {
    const result = await this.runDeadlineChecks();
    await this.audit.record({ actorId: actor.id, action: 'need.deadline-checks', entityType: 'need', entityId: null, after: result });
    return result;
  }
}
