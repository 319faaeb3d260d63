import { Injectable } from '@nestjs/common';
import type { ActivityResponse, FormField } from '@torch-red/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { Tx } from '../../database/tx.service';
import { AccessPolicy } from '../access/access-policy.service';
import { AuditService } from '../audit/audit.service';
import { ActivityAccess } from './activity-access';
import { ActivityNotices } from './activity-notices';
import { ActivityQueryService } from './activity-query.service';
import { ActivityReminderJob } from './activity-reminder.job';
import { ActivityEntity } from './activity.entity';
import { AttendeeExportService } from './attendee-export.service';
import type { CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { checkFormEvolution, checkFormFields } from './form-answers';
import { RegistrationEntity } from './registration.entity';
import { ACTIVE, SeatEngine } from './seat-engine.service';

interface Schedule {
  startAt: Date;
  endAt: Date;
  signupStartAt: Date | null;
  signupEndAt: Date;
  cancelDeadline: Date | null;
}

/** A new activity that passed `prepareCreate`: the caller may create it in `orgId`; schedule and form are sound. */
export interface NewActivity {
  orgId: number;
  schedule: Schedule;
  dto: CreateActivityDto;
}

/** An edit that passed `prepareUpdate`: the caller manages the activity and the new form is sound. */
export interface ActivityChange {
  id: number;
  dto: UpdateActivityDto;
}

/**
 * The secretary's side: create, edit, publish, cancel.
 *
 * Steps another feature composes into its own use case (a 月月谈 is an activity and a session) come
 * in two halves: `prepare…` checks access and input outside any transaction (the access policy reads
 * through the connection pool, which must not wait while a transaction holds a connection), and
 * `…In(m, prepared)` writes inside the caller's transaction, so the whole use case commits or none of it.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly access: ActivityAccess,
    private readonly seats: SeatEngine,
    private readonly notices: ActivityNotices,
    private readonly query: ActivityQueryService,
    private readonly reminders: ActivityReminderJob,
    private readonly exports: AttendeeExportService,
  ) {}

  async create(user: AuthUser, dto: CreateActivityDto): Promise<ActivityResponse> {
    const input = await this.prepareCreate(user, dto);
    return this.query.respond(await this.tx.run((m) => this.createIn(m, user, input)));
  }

  async prepareCreate(user: AuthUser, dto: CreateActivityDto): Promise<NewActivity> {
    const orgId = Number(dto.orgId);
    await this.policy.require(user, 'org.manage', orgId);
    if (!(await this.policy.tree(user)).isOpen(orgId)) throw new AppError('ORG_CLOSED', '该组织已关闭，不能再发起活动');
    const schedule = parseSchedule(dto);
    checkSchedule(schedule);
    requireValidForm(dto.formFields);
    return { orgId, schedule, dto };
  }

  /** Saves a draft in the caller's transaction. */
  async createIn(m: EntityManager, user: AuthUser, { orgId, schedule, dto }: NewActivity): Promise<ActivityEntity> {
    const saved = await m.getRepository(ActivityEntity).save(
      m.getRepository(ActivityEntity).create({
        orgId,
        title: dto.title,
        type: dto.type,
        description: dto.description,
        coverUrl: dto.coverUrl ?? null,
        location: dto.location,
        onlineUrl: dto.onlineUrl ?? null,
        ...schedule,
        capacity: dto.capacity ?? null,
        waitlist: dto.waitlist,
        requiresApproval: dto.requiresApproval,
        formFields: dto.formFields.map(normaliseField),
        visibility: dto.visibility ?? 'PUBLIC',
        status: 'DRAFT',
        publishedAt: null,
        cancelledAt: null,
        cancelReason: null,
        confirmedCount: 0,
        reminderSentAt: null,
        createdBy: user.id,
        isSample: false,
      }),
    );
    await this.audit.record({ actorId: user.id, action: 'activity.create', entityType: 'activity', entityId: saved.id, after: { title: saved.title, orgId } }, m);
    return saved;
  }

  async update(user: AuthUser, id: number, dto: UpdateActivityDto): Promise<ActivityResponse> {
    const change = await this.prepareUpdate(user, id, dto);
    const saved = await this.tx.run((m) => this.updateIn(m, user, change));
    return this.query.respond(await this.access.reload(saved.id));
  }

  async prepareUpdate(user: AuthUser, id: number, dto: UpdateActivityDto): Promise<ActivityChange> {
    await this.access.requireManaged(user, id);
    if (dto.formFields) requireValidForm(dto.formFields);
    return { id, dto };
  }

  /**
   * Applies the edit in the caller's transaction. Capacity cannot drop below the confirmed seats, answered
   * form fields stay, more seats move the waitlist up at once, and people are told when time or place change.
   */
  async updateIn(m: EntityManager, user: AuthUser, { id, dto }: ActivityChange): Promise<ActivityEntity> {
    const activity = await this.seats.lockActivity(m, id);
    if (activity.status === 'CANCELLED') throw new AppError('ACTIVITY_STATE_INVALID', '活动已取消，不能再修改');
    const before = { ...activity };
    const schedule = parseSchedule({
      startAt: dto.startAt ?? activity.startAt.toISOString(),
      endAt: dto.endAt ?? activity.endAt.toISOString(),
      signupStartAt: dto.signupStartAt !== undefined ? dto.signupStartAt : activity.signupStartAt?.toISOString() ?? null,
      signupEndAt: dto.signupEndAt ?? activity.signupEndAt.toISOString(),
      cancelDeadline: dto.cancelDeadline !== undefined ? dto.cancelDeadline : activity.cancelDeadline?.toISOString() ?? null,
    });
    checkSchedule(schedule);
    const registered = await m.getRepository(RegistrationEntity).countBy({ activityId: id, status: In(ACTIVE) });
    if (dto.capacity !== undefined && dto.capacity !== null && dto.capacity < activity.confirmedCount) {
      throw new AppError('CAPACITY_BELOW_CONFIRMED', `名额不能少于已确认的 ${activity.confirmedCount} 人`);
    }
    if (dto.formFields && registered > 0) {
      const problems = checkFormEvolution(activity.formFields, dto.formFields);
      if (problems.length) throw new AppError('FORM_FIELDS_LOCKED', problems[0].message, problems);
    }
    if (dto.waitlist === false && (await m.getRepository(RegistrationEntity).countBy({ activityId: id, status: 'WAITLISTED' })) > 0) {
      throw new AppError('ACTIVITY_STATE_INVALID', '还有人在候补，不能关闭候补');
    }
    Object.assign(activity, {
      ...(dto.title !== undefined ? { title: dto.title } : {}),
      ...(dto.type !== undefined ? { type: dto.type } : {}),
      ...(dto.description !== undefined ? { description: dto.description } : {}),
      ...(dto.coverUrl !== undefined ? { coverUrl: dto.coverUrl } : {}),
      ...(dto.location !== undefined ? { location: dto.location } : {}),
      ...(dto.onlineUrl !== undefined ? { onlineUrl: dto.onlineUrl } : {}),
      ...(dto.capacity !== undefined ? { capacity: dto.capacity } : {}),
      ...(dto.waitlist !== undefined ? { waitlist: dto.waitlist } : {}),
      ...(dto.requiresApproval !== undefined ? { requiresApproval: dto.requiresApproval } : {}),
      ...(dto.formFields !== undefined ? { formFields: dto.formFields.map(normaliseField) } : {}),
      ...(dto.visibility !== undefined ? { visibility: dto.visibility } : {}),
      ...schedule,
    });
    if (schedule.startAt.getTime() !== before.startAt.getTime()) activity.reminderSentAt = null;
    const saved = await m.getRepository(ActivityEntity).save(activity);
    if (saved.status === 'PUBLISHED') await this.seats.promote(m, saved);
    const changed = saved.status === 'PUBLISHED' && (
      before.startAt.getTime() !== saved.startAt.getTime() || before.endAt.getTime() !== saved.endAt.getTime() || before.location !== saved.location
    );
    if (changed) await this.notices.changed(m, await this.seats.activeRegistrants(m, id), saved);
    await this.audit.record({ actorId: user.id, action: 'activity.update', entityType: 'activity', entityId: id, before: summary(before), after: summary(saved) }, m);
    return saved;
  }

  async publish(user: AuthUser, id: number): Promise<ActivityResponse> {
    await this.access.requireManaged(user, id);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const activity = await this.seats.lockActivity(m, id);
      if (activity.status === 'PUBLISHED') return;
      if (activity.status !== 'DRAFT') throw new AppError('ACTIVITY_STATE_INVALID', '只有草稿可以发布');
      if (activity.endAt.getTime() <= now.getTime()) throw new AppError('ACTIVITY_STATE_INVALID', '活动已结束，不能发布');
      const result = await m.getRepository(ActivityEntity).update({ id, status: 'DRAFT' }, { status: 'PUBLISHED', publishedAt: now });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.audit.record({ actorId: user.id, action: 'activity.publish', entityType: 'activity', entityId: id }, m);
    });
    return this.query.respond(await this.access.reload(id));
  }

  /** Cancels; everyone registered is told. */
  async cancel(user: AuthUser, id: number, reason?: string): Promise<ActivityResponse> {
    await this.access.requireManaged(user, id);
    await this.tx.run(async (m) => {
      const activity = await this.seats.lockActivity(m, id);
      if (activity.status === 'CANCELLED') return;
      const result = await m
        .getRepository(ActivityEntity)
        .update({ id, status: activity.status }, { status: 'CANCELLED', cancelledAt: this.clock.now(), cancelReason: reason?.trim() || null });
      if (!result.affected) throw new AppError('CONFLICT');
      const people = await this.seats.activeRegistrants(m, id);
      await this.notices.cancelled(m, people, activity, reason);
      await this.audit.record({ actorId: user.id, action: 'activity.cancel', entityType: 'activity', entityId: id, after: { reason: reason ?? null, notified: people.length } }, m);
    });
    return this.query.respond(await this.access.reload(id));
  }

  // The module's entry points that live in their own services; kept here for callers that reach them
  // through ActivityService (the e2e suite drives the reminder job and the export this way).

  sendStartReminders(): Promise<number> {
    return this.reminders.sendStartReminders();
  }

  exportXlsx(user: AuthUser, id: number): Promise<{ filename: string; buffer: Buffer }> {
    return this.exports.exportXlsx(user, id);
  }
}

function parseSchedule(input: { startAt: string; endAt: string; signupStartAt?: string | null; signupEndAt: string; cancelDeadline?: string | null }): Schedule {
  return {
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signupStartAt: input.signupStartAt ? new Date(input.signupStartAt) : null,
    signupEndAt: new Date(input.signupEndAt),
    cancelDeadline: input.cancelDeadline ? new Date(input.cancelDeadline) : null,
  };
}

function checkSchedule(s: Schedule): void {
  const problems: Array<{ field: string; message: string }> = [];
  if (s.endAt.getTime() <= s.startAt.getTime()) problems.push({ field: 'endAt', message: '结束时间必须晚于开始时间' });
  if (s.signupEndAt.getTime() > s.startAt.getTime()) problems.push({ field: 'signupEndAt', message: '报名截止时间不能晚于活动开始时间' });
  if (s.signupStartAt && s.signupStartAt.getTime() >= s.signupEndAt.getTime()) problems.push({ field: 'signupStartAt', message: '报名开始时间必须早于报名截止时间' });
  if (s.cancelDeadline && s.cancelDeadline.getTime() > s.startAt.getTime()) problems.push({ field: 'cancelDeadline', message: '取消报名截止时间不能晚于活动开始时间' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0].message, problems);
}

function requireValidForm(fields: FormField[]): void {
  const problems = checkFormFields(fields);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0].message, problems);
}

function normaliseField(f: FormField): FormField {
  const choice = f.type === 'select' || f.type === 'multiselect';
  return { key: f.key, label: f.label, type: f.type, required: f.required, ...(choice ? { options: f.options ?? [] } : {}) };
}

function summary(a: ActivityEntity): Record<string, unknown> {
  return { title: a.title, status: a.status, startAt: a.startAt, endAt: a.endAt, location: a.location, capacity: a.capacity, visibility: a.visibility, formFields: a.formFields.map((f) => f.key) };
}
