import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActivityDetailResponse,
  ActivityResponse,
  AttendeeResponse,
  CheckinCodeResponse,
  FormAnswers,
  FormField,
  MyRegistrationItem,
  MyRegistrationResponse,
  NotificationKind,
  Page,
  RegistrationResponse,
  RegistrationStatus,
} from '@torch-red/shared';
import {
  ACTIVE_REGISTRATION_STATUSES,
  ACTIVITY_LIMITS,
  ATTENDANCE_LABELS,
  REGISTRATION_STATUS_LABELS,
  attendanceApplies,
  canAttendance,
  canRegistration,
  isCancelDeadlinePassed,
  isCheckinOpen,
} from '@torch-red/shared';
import { createHmac } from 'node:crypto';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { Brackets, DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors';
import { AccessPolicy } from '../access/access-policy.service';
import { orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock, formatChinaDateTime, formatChinaTime } from '../../common/clock';
import { DataCipher, maskPhone } from '../../common/crypto/data-cipher';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { OrgEntity } from '../org/org.entity';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { UserEntity } from '../user/user.entity';
import { ActivityEntity } from './activity.entity';
import { toActivityResponse, toAttendeeResponse, toMyRegistrationResponse, type ActivityCounts } from './activity.mapper';
import { CheckinTokens } from './checkin-token';
import type { ActivityListQueryDto, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { checkFormEvolution, checkFormFields, validateAnswers } from './form-answers';
import { RegistrationEntity } from './registration.entity';

const ACTIVE: RegistrationStatus[] = [...ACTIVE_REGISTRATION_STATUSES];
const CHECKIN_ATTEMPTS = { wrongCodes: 5, windowSeconds: 600 } as const;

interface Schedule {
  startAt: Date;
  endAt: Date;
  signupStartAt: Date | null;
  signupEndAt: Date;
  cancelDeadline: Date | null;
}

@Injectable()
export class ActivityService implements OnModuleInit {
  private readonly checkins: CheckinTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly scheduler: SchedulerService,
    private readonly rateLimit: RateLimitService,
  ) {
    const key = createHmac('sha256', config.jwt.secret).update('torch-red:checkin').digest();
    this.checkins = new CheckinTokens(key, ACTIVITY_LIMITS.checkinRotateSeconds);
  }

  onModuleInit(): void {
    this.scheduler.register('activity-start-reminders', 60000, () => this.sendStartReminders().then(() => undefined));
  }

  // ── Secretary: create, edit, publish, cancel ────────────────────────────────

  async create(user: AuthUser, dto: CreateActivityDto): Promise<ActivityResponse> {
    const orgId = Number(dto.orgId);
    await this.policy.require(user, 'org.manage', orgId);
    const schedule = this.parseSchedule(dto);
    this.checkSchedule(schedule);
    this.requireValidForm(dto.formFields);
    const activity = await this.tx.run(async (m) => {
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
    });
    return this.respond(activity);
  }

  async update(user: AuthUser, id: number, dto: UpdateActivityDto): Promise<ActivityResponse> {
    await this.requireManaged(user, id);
    if (dto.formFields) this.requireValidForm(dto.formFields);
    const result = await this.tx.run(async (m) => {
      const activity = await this.lockActivity(m, id);
      if (activity.status === 'CANCELLED') throw new AppError('ACTIVITY_STATE_INVALID', '活动已取消，不能再修改');
      const before = { ...activity };
      const schedule = this.parseSchedule({
        startAt: dto.startAt ?? activity.startAt.toISOString(),
        endAt: dto.endAt ?? activity.endAt.toISOString(),
        signupStartAt: dto.signupStartAt !== undefined ? dto.signupStartAt : activity.signupStartAt?.toISOString() ?? null,
        signupEndAt: dto.signupEndAt ?? activity.signupEndAt.toISOString(),
        cancelDeadline: dto.cancelDeadline !== undefined ? dto.cancelDeadline : activity.cancelDeadline?.toISOString() ?? null,
      });
      this.checkSchedule(schedule);
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
        ...schedule,
      });
      if (schedule.startAt.getTime() !== before.startAt.getTime()) activity.reminderSentAt = null;
      const saved = await m.getRepository(ActivityEntity).save(activity);
      // More seats: the waitlist moves up at once.
      if (saved.status === 'PUBLISHED') await this.promote(m, saved);
      const changed = saved.status === 'PUBLISHED' && (
        before.startAt.getTime() !== saved.startAt.getTime() || before.endAt.getTime() !== saved.endAt.getTime() || before.location !== saved.location
      );
      if (changed) {
        const people = await this.activeRegistrants(m, id);
        await this.notifyActivity(m, people, saved, 'ACTIVITY_CHANGED', '活动信息变更', `「${saved.title}」时间或地点有变：${formatChinaTime(saved.startAt)}，${saved.location}。`);
      }
      await this.audit.record({ actorId: user.id, action: 'activity.update', entityType: 'activity', entityId: id, before: summary(before), after: summary(saved) }, m);
      return saved;
    });
    return this.respond(await this.reload(result.id));
  }

  async publish(user: AuthUser, id: number): Promise<ActivityResponse> {
    await this.requireManaged(user, id);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const activity = await this.lockActivity(m, id);
      if (activity.status === 'PUBLISHED') return;
      if (activity.status !== 'DRAFT') throw new AppError('ACTIVITY_STATE_INVALID', '只有草稿可以发布');
      if (activity.endAt.getTime() <= now.getTime()) throw new AppError('ACTIVITY_STATE_INVALID', '活动已结束，不能发布');
      const result = await m.getRepository(ActivityEntity).update({ id, status: 'DRAFT' }, { status: 'PUBLISHED', publishedAt: now });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.audit.record({ actorId: user.id, action: 'activity.publish', entityType: 'activity', entityId: id }, m);
    });
    return this.respond(await this.reload(id));
  }

  async cancel(user: AuthUser, id: number, reason?: string): Promise<ActivityResponse> {
    await this.requireManaged(user, id);
    await this.tx.run(async (m) => {
      const activity = await this.lockActivity(m, id);
      if (activity.status === 'CANCELLED') return;
      const result = await m
        .getRepository(ActivityEntity)
        .update({ id, status: activity.status }, { status: 'CANCELLED', cancelledAt: this.clock.now(), cancelReason: reason?.trim() || null });
      if (!result.affected) throw new AppError('CONFLICT');
      const people = await this.activeRegistrants(m, id);
      await this.notifyActivity(m, people, activity, 'ACTIVITY_CANCELLED', '活动已取消', `很抱歉，「${activity.title}」已取消${reason?.trim() ? `：${reason.trim()}` : '。'}`);
      await this.audit.record({ actorId: user.id, action: 'activity.cancel', entityType: 'activity', entityId: id, after: { reason: reason ?? null, notified: people.length } }, m);
    });
    return this.respond(await this.reload(id));
  }

  // ── Everyone: browse ────────────────────────────────────────────────────────

  async list(query: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    const qb = this.dataSource.getRepository(ActivityEntity).createQueryBuilder('a').where('a.status = :status', { status: 'PUBLISHED' });
    if (query.orgId || query.chainId) {
      const tree = await this.policy.tree();
      if (query.orgId) qb.andWhere('a.orgId IN (:...orgIds)', { orgIds: nonEmpty(tree.descendants([Number(query.orgId)])) });
      if (query.chainId) qb.andWhere('a.orgId IN (:...chainOrgs)', { chainOrgs: nonEmpty(tree.orgsOfChain(Number(query.chainId))) });
    }
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.from) qb.andWhere('a.endAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.startAt < :to', { to: new Date(query.to) });
    if (query.cursor) qb.andWhere('a.id < :cursor', { cursor: Number(query.cursor) });
    const rows = await qb.orderBy('a.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return { items: await this.respondMany(page), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  /** Activities of the orgs this person runs, drafts and cancelled ones included. */
  async workspace(user: AuthUser, query: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    const qb = this.dataSource.getRepository(ActivityEntity).createQueryBuilder('a');
    if (!user.isAdmin) {
      const roots = [...orgIdsWithRole(user, 'SECRETARY'), ...orgIdsWithRole(user, 'COMMITTEE')];
      if (roots.length === 0) return { items: [], nextCursor: null };
      qb.where('a.orgId IN (:...orgIds)', { orgIds: nonEmpty((await this.policy.tree()).descendants(roots)) });
    }
    if (query.orgId) qb.andWhere('a.orgId = :orgId', { orgId: Number(query.orgId) });
    if (query.cursor) qb.andWhere('a.id < :cursor', { cursor: Number(query.cursor) });
    const rows = await qb.orderBy('a.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return { items: await this.respondMany(page), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  async detail(user: AuthUser, id: number): Promise<ActivityDetailResponse> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity) throw new AppError('NOT_FOUND');
    const canManage = await this.policy.can(user, 'org.manage', activity.orgId);
    if (activity.status === 'DRAFT' && !canManage) throw new AppError('NOT_FOUND');
    const mine = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ activityId: id, userId: user.id });
    return {
      ...(await this.respond(activity)),
      myRegistration: mine ? await this.registrationView(mine, activity) : null,
      canManage,
    };
  }

  // ── Members: sign up, cancel, leave, check in ───────────────────────────────

  async register(user: AuthUser, id: number, rawAnswers: unknown): Promise<{ registration: MyRegistrationResponse; created: boolean }> {
    const activity = await this.visibleActivity(user, id);
    const existing = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ activityId: id, userId: user.id });
    if (existing && !canRegistration(existing.status, 'register')) return { registration: await this.registrationView(existing), created: false };
    this.requireSignupOpen(activity);
    const checked = validateAnswers(activity.formFields, rawAnswers);
    if ('errors' in checked) throw new AppError('FORM_ANSWER_INVALID', checked.errors[0].message, checked.errors);

    try {
      const saved = await this.tx.run(async (m) => {
        const locked = await this.lockActivity(m, id);
        if (locked.status !== 'PUBLISHED') throw new AppError('ACTIVITY_NOT_PUBLISHED');
        const repo = m.getRepository(RegistrationEntity);
        const again = await repo.findOneBy({ activityId: id, userId: user.id });
        if (again && !canRegistration(again.status, 'register')) return { row: again, created: false };

        let status: RegistrationStatus;
        if (locked.requiresApproval) status = 'PENDING';
        else if (await this.takeSeat(m, locked)) status = 'CONFIRMED';
        else if (locked.waitlist) status = 'WAITLISTED';
        else throw new AppError('ACTIVITY_FULL');

        const now = this.clock.now();
        const fields = { status, answers: this.sealAnswers(activity.formFields, checked.answers), queuedAt: now, attendance: 'NONE' as const, leaveReason: null, rejectReason: null, checkedInAt: null, reviewedBy: null };
        let row: RegistrationEntity;
        if (again) {
          const result = await repo.update({ id: again.id, status: 'CANCELLED' }, fields);
          if (!result.affected) throw new AppError('CONFLICT');
          row = (await repo.findOneBy({ id: again.id }))!;
        } else {
          row = await repo.save(repo.create({ activityId: id, userId: user.id, ...fields }));
        }
        await this.notifyRegistration(m, row, locked);
        return { row, created: true };
      });
      return { registration: await this.registrationView(saved.row), created: saved.created };
    } catch (err) {
      // The same person twice at the same moment: the unique key lets one in; the other gets that one.
      if (!isUniqueViolation(err)) throw err;
      const winner = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ activityId: id, userId: user.id });
      if (!winner) throw err;
      return { registration: await this.registrationView(winner), created: false };
    }
  }

  async cancelMine(user: AuthUser, id: number): Promise<RegistrationResponse> {
    const activity = await this.visibleActivity(user, id, { allowCancelled: true });
    const mine = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ activityId: id, userId: user.id });
    if (!mine) throw new AppError('NOT_FOUND', '你还没有报名这个活动');
    if (!canRegistration(mine.status, 'cancel')) throw new AppError('REGISTRATION_STATE_INVALID', `报名状态为“${REGISTRATION_STATUS_LABELS[mine.status]}”，无需取消`);
    if (isCancelDeadlinePassed(activity, this.clock.now())) throw new AppError('CANCEL_DEADLINE_PASSED');

    const row = await this.tx.run(async (m) => {
      const locked = await this.lockActivity(m, id);
      const repo = m.getRepository(RegistrationEntity);
      const current = (await repo.findOneBy({ id: mine.id }))!;
      if (!canRegistration(current.status, 'cancel')) throw new AppError('REGISTRATION_STATE_INVALID');
      const result = await repo.update({ id: current.id, status: current.status }, { status: 'CANCELLED' });
      if (!result.affected) throw new AppError('CONFLICT');
      if (current.status === 'CONFIRMED') {
        await this.releaseSeat(m, id);
        await this.promote(m, locked);
      }
      return (await repo.findOneBy({ id: current.id }))!;
    });
    return this.registrationView(row);
  }

  async leave(user: AuthUser, id: number, reason: string): Promise<RegistrationResponse> {
    await this.visibleActivity(user, id);
    const repo = this.dataSource.getRepository(RegistrationEntity);
    const mine = await repo.findOneBy({ activityId: id, userId: user.id });
    if (!mine) throw new AppError('NOT_FOUND', '你还没有报名这个活动');
    if (!attendanceApplies(mine.status)) throw new AppError('REGISTRATION_STATE_INVALID', '只有报名成功的活动可以请假');
    if (!canAttendance(mine.attendance, 'leave')) throw new AppError('REGISTRATION_STATE_INVALID', '你已签到，不能请假');
    await this.tx.run((m) => m.getRepository(RegistrationEntity).update({ id: mine.id, status: 'CONFIRMED' }, { attendance: 'LEAVE', leaveReason: reason }));
    return this.registrationView((await repo.findOneBy({ id: mine.id }))!);
  }

  async checkin(user: AuthUser, id: number, code: string): Promise<RegistrationResponse> {
    const activity = await this.visibleActivity(user, id);
    const now = this.clock.now();
    // A 6-digit code falls to guessing without a limit: 5 wrong codes per person and activity per 10
    // minutes, counted in the database (all processes). Counted before checking, given back when right.
    const attempts = `checkin:${id}:${user.id}`;
    const { wrongCodes, windowSeconds } = CHECKIN_ATTEMPTS;
    const counted = new Date();
    await this.rateLimit.consume(attempts, wrongCodes, windowSeconds, counted, `签到码错误次数过多，请 ${windowSeconds / 60} 分钟后再试，或请工作人员为你登记签到`);
    if (!this.checkins.verify(id, code, now)) throw new AppError('CHECKIN_CODE_INVALID');
    await this.rateLimit.release(attempts, windowSeconds, counted);
    this.requireCheckinWindow(activity, now);
    const repo = this.dataSource.getRepository(RegistrationEntity);
    const mine = await repo.findOneBy({ activityId: id, userId: user.id });
    if (!mine || !attendanceApplies(mine.status)) throw new AppError('REGISTRATION_STATE_INVALID', '你没有这个活动的有效报名，无法签到');
    if (mine.attendance !== 'CHECKED_IN') {
      await this.tx.run((m) =>
        m.getRepository(RegistrationEntity).update({ id: mine.id, status: 'CONFIRMED' }, { attendance: 'CHECKED_IN', checkedInAt: now, leaveReason: null }),
      );
    }
    return this.registrationView((await repo.findOneBy({ id: mine.id }))!);
  }

  async myRegistrations(user: AuthUser, limit: number, cursor?: number): Promise<Page<MyRegistrationItem>> {
    const rows = await this.dataSource.getRepository(RegistrationEntity).find({
      where: { userId: user.id, ...(cursor ? { id: LessThan(cursor) } : {}) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const activities = page.length ? await this.dataSource.getRepository(ActivityEntity).findBy({ id: In(page.map((r) => r.activityId)) }) : [];
    const responses = new Map((await this.respondMany(activities)).map((a) => [a.id, a]));
    const items: MyRegistrationItem[] = [];
    for (const r of page) {
      const activity = responses.get(String(r.activityId));
      if (activity) items.push({ registration: await this.registrationView(r, activities.find((a) => a.id === r.activityId)), activity });
    }
    return { items, nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  // ── Secretary: run the activity ─────────────────────────────────────────────

  async attendees(user: AuthUser, id: number): Promise<AttendeeResponse[]> {
    await this.requireManaged(user, id);
    return this.attendeeRows(id, false);
  }

  async approve(user: AuthUser, id: number, registrationId: number): Promise<AttendeeResponse> {
    await this.requireManaged(user, id);
    await this.tx.run(async (m) => {
      const activity = await this.lockActivity(m, id);
      if (activity.status !== 'PUBLISHED') throw new AppError('ACTIVITY_NOT_PUBLISHED');
      const reg = await this.registrationOf(m, id, registrationId);
      if (!canRegistration(reg.status, 'approve')) throw new AppError('REGISTRATION_STATE_INVALID', `报名状态为“${REGISTRATION_STATUS_LABELS[reg.status]}”，不能审核`);
      let status: RegistrationStatus;
      if (await this.takeSeat(m, activity)) status = 'CONFIRMED';
      else if (activity.waitlist) status = 'WAITLISTED';
      else throw new AppError('ACTIVITY_FULL', '名额已满，无法通过审核');
      const result = await m.getRepository(RegistrationEntity).update({ id: reg.id, status: 'PENDING' }, { status, reviewedBy: user.id, queuedAt: this.clock.now() });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.notifyActivity(m, [reg.userId], activity, 'REGISTRATION_APPROVED', '报名审核通过',
        status === 'CONFIRMED' ? `你报名的「${activity.title}」已通过审核，请按时参加：${formatChinaTime(activity.startAt)}，${activity.location}。` : `你报名的「${activity.title}」已通过审核，目前名额已满，你已进入候补。`);
    });
    return this.attendee(id, registrationId);
  }

  async reject(user: AuthUser, id: number, registrationId: number, reason?: string): Promise<AttendeeResponse> {
    await this.requireManaged(user, id);
    await this.tx.run(async (m) => {
      const activity = await this.lockActivity(m, id);
      const reg = await this.registrationOf(m, id, registrationId);
      if (!canRegistration(reg.status, 'reject')) {
        throw new AppError('REGISTRATION_STATE_INVALID', `报名状态为“${REGISTRATION_STATUS_LABELS[reg.status]}”，不能驳回`);
      }
      const result = await m.getRepository(RegistrationEntity).update({ id: reg.id, status: reg.status }, { status: 'REJECTED', rejectReason: reason?.trim() || null, reviewedBy: user.id });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.notifyActivity(m, [reg.userId], activity, 'REGISTRATION_REJECTED', '报名未通过', `你报名的「${activity.title}」未通过审核${reason?.trim() ? `：${reason.trim()}` : '。'}`);
    });
    return this.attendee(id, registrationId);
  }

  async setAttendance(user: AuthUser, id: number, registrationId: number, attendance: RegistrationEntity['attendance'], reason?: string): Promise<AttendeeResponse> {
    await this.requireManaged(user, id);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const activity = await this.lockActivity(m, id);
      const reg = await this.registrationOf(m, id, registrationId);
      if (!attendanceApplies(reg.status)) throw new AppError('REGISTRATION_STATE_INVALID', '只能为报名成功的人员登记出勤');
      if (attendance === 'NO_SHOW' && now.getTime() < activity.startAt.getTime()) throw new AppError('CHECKIN_NOT_OPEN', '活动开始后才能登记缺席');
      if (attendance === 'CHECKED_IN') this.requireCheckinWindow(activity, now);
      await m.getRepository(RegistrationEntity).update(
        { id: reg.id },
        {
          attendance,
          checkedInAt: attendance === 'CHECKED_IN' ? (reg.checkedInAt ?? now) : null,
          leaveReason: attendance === 'LEAVE' ? (reason?.trim() || reg.leaveReason || '书记登记') : null,
        },
      );
    });
    return this.attendee(id, registrationId);
  }

  async checkinCode(user: AuthUser, id: number): Promise<CheckinCodeResponse> {
    await this.requireManaged(user, id);
    const activity = (await this.dataSource.getRepository(ActivityEntity).findOneBy({ id }))!;
    if (activity.status !== 'PUBLISHED') throw new AppError('ACTIVITY_NOT_PUBLISHED');
    const { token, shortCode, expiresAt } = this.checkins.issue(id, this.clock.now());
    const qrDataUrl = await QRCode.toDataURL(token, { margin: 1, width: 360, errorCorrectionLevel: 'M' });
    return { token, shortCode, qrDataUrl, expiresAt: expiresAt.toISOString(), rotateSeconds: this.checkins.rotateSeconds };
  }

  /** The attendee list as .xlsx with every form answer; full phone numbers, so only managers get it, and it is audited. */
  async exportXlsx(user: AuthUser, id: number): Promise<{ filename: string; buffer: Buffer }> {
    await this.requireManaged(user, id);
    const activity = (await this.dataSource.getRepository(ActivityEntity).findOneBy({ id }))!;
    const rows = await this.attendeeRows(id, true);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '火炬红';
    const sheet = workbook.addWorksheet('报名名单');
    sheet.columns = [
      { header: '序号', key: 'n', width: 6 },
      { header: '姓名', key: 'name', width: 12 },
      { header: '手机号', key: 'phone', width: 15 },
      { header: '党组织', key: 'org', width: 24 },
      { header: '企业', key: 'enterprise', width: 20 },
      { header: '报名状态', key: 'status', width: 10 },
      { header: '候补顺位', key: 'position', width: 10 },
      { header: '出勤', key: 'attendance', width: 8 },
      { header: '请假原因', key: 'leave', width: 20 },
      { header: '报名时间', key: 'createdAt', width: 18 },
      ...activity.formFields.map((f) => ({ header: f.label, key: `f_${f.key}`, width: 18 })),
    ];
    rows.forEach((r, i) => {
      sheet.addRow({
        n: i + 1,
        name: r.name,
        phone: r.phone ?? '',
        org: r.orgName ?? '',
        enterprise: r.enterpriseName ?? '',
        status: REGISTRATION_STATUS_LABELS[r.status],
        position: r.waitlistPosition ?? '',
        attendance: ATTENDANCE_LABELS[r.attendance],
        leave: r.leaveReason ?? '',
        createdAt: formatChinaDateTime(new Date(r.createdAt)),
        ...Object.fromEntries(activity.formFields.map((f) => [`f_${f.key}`, formatAnswer(r.answers[f.key])])),
      });
    });
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await this.audit.record({ actorId: user.id, action: 'activity.export', entityType: 'activity', entityId: id, after: { rows: rows.length } });
    return { filename: `${activity.title}-报名名单.xlsx`, buffer };
  }

  // ── Reminders ───────────────────────────────────────────────────────────────

  /** "Starts in 1 hour": each activity claims its reminder with a conditional update, so it goes out once. */
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
        await this.notifyActivity(m, people, activity, 'ACTIVITY_STARTING', '活动即将开始', `「${activity.title}」将于 ${formatChinaTime(activity.startAt)} 开始，地点：${activity.location}。`);
        sent += people.length;
      });
    }
    return sent;
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  /** Locks the activity row for the rest of the transaction (MySQL); SQLite transactions are already serial. */
  private async lockActivity(m: EntityManager, id: number): Promise<ActivityEntity> {
    const qb = m.getRepository(ActivityEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (this.tx.isMysql) qb.setLock('pessimistic_write');
    const activity = await qb.getOne();
    if (!activity) throw new AppError('NOT_FOUND');
    return activity;
  }

  /** One seat, atomically: never more confirmed than capacity, whichever process asks. */
  private async takeSeat(m: EntityManager, activity: ActivityEntity): Promise<boolean> {
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

  private async releaseSeat(m: EntityManager, id: number): Promise<void> {
    await m.createQueryBuilder().update(ActivityEntity).set({ confirmedCount: () => 'confirmedCount - 1' }).where('id = :id AND confirmedCount > 0', { id }).execute();
  }

  /** Fills free seats from the head of the waitlist; approval-mode activities send the person to review instead. */
  private async promote(m: EntityManager, activity: ActivityEntity): Promise<void> {
    const repo = m.getRepository(RegistrationEntity);
    for (let i = 0; i < 1000; i++) {
      const fresh = (await m.getRepository(ActivityEntity).findOneBy({ id: activity.id }))!;
      if (fresh.capacity !== null && fresh.confirmedCount >= fresh.capacity) return;
      const next = await repo.findOne({ where: { activityId: activity.id, status: 'WAITLISTED' }, order: { queuedAt: 'ASC', id: 'ASC' } });
      if (!next) return;
      if (fresh.requiresApproval) {
        const moved = await repo.update({ id: next.id, status: 'WAITLISTED' }, { status: 'PENDING' });
        if (moved.affected) {
          await this.notifyActivity(m, [next.userId], fresh, 'REGISTRATION_PROMOTED', '候补转入审核', `「${fresh.title}」有名额空出，你的候补报名已转入审核，请留意结果。`);
        }
        // One seat, one person in review: the seat is taken when the secretary approves.
        return;
      }
      if (!(await this.takeSeat(m, fresh))) return;
      const moved = await repo.update({ id: next.id, status: 'WAITLISTED' }, { status: 'CONFIRMED' });
      if (!moved.affected) {
        await this.releaseSeat(m, fresh.id);
        continue;
      }
      await this.notifyActivity(m, [next.userId], fresh, 'REGISTRATION_PROMOTED', '候补成功', `「${fresh.title}」有名额空出，你已由候补转为报名成功：${formatChinaTime(fresh.startAt)}，${fresh.location}。`);
    }
  }

  private async notifyRegistration(m: EntityManager, reg: RegistrationEntity, activity: ActivityEntity): Promise<void> {
    const when = `${formatChinaTime(activity.startAt)}，${activity.location}`;
    switch (reg.status) {
      case 'CONFIRMED':
        return this.notifyActivity(m, [reg.userId], activity, 'REGISTRATION_CONFIRMED', '报名成功', `你已成功报名「${activity.title}」：${when}。`);
      case 'WAITLISTED': {
        const position = await this.positionOf(m, reg);
        return this.notifyActivity(m, [reg.userId], activity, 'REGISTRATION_WAITLISTED', '已进入候补', `「${activity.title}」名额已满，你是候补第 ${position} 位，有人取消时会自动递补。`);
      }
      case 'PENDING':
        return this.notifyActivity(m, [reg.userId], activity, 'REGISTRATION_PENDING', '报名待审核', `你报名的「${activity.title}」需要审核，结果会通知你。`);
      default:
        return;
    }
  }

  private notifyActivity(m: EntityManager, userIds: number[], activity: ActivityEntity, kind: NotificationKind, title: string, body: string): Promise<void> {
    if (userIds.length === 0) return Promise.resolve();
    return this.notifications.notify(m, userIds, {
      kind,
      title,
      body,
      link: `/pages/activity-detail/index?id=${activity.id}`,
      wechat: {
        templateKey: kind === 'ACTIVITY_STARTING' ? 'activity_reminder' : 'activity_result',
        data: { thing1: activity.title, time2: formatChinaDateTime(activity.startAt), thing3: title, thing4: activity.location },
      },
    });
  }

  private async activeRegistrants(m: EntityManager, activityId: number): Promise<number[]> {
    return (await m.getRepository(RegistrationEntity).findBy({ activityId, status: In(ACTIVE) })).map((r) => r.userId);
  }

  private async positionOf(m: EntityManager, reg: RegistrationEntity): Promise<number | null> {
    if (reg.status !== 'WAITLISTED') return null;
    const ahead = await m
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .where('r.activityId = :activityId AND r.status = :status', { activityId: reg.activityId, status: 'WAITLISTED' })
      .andWhere(new Brackets((qb) => qb.where('r.queuedAt < :queuedAt', { queuedAt: reg.queuedAt }).orWhere('r.queuedAt = :queuedAt AND r.id < :id', { queuedAt: reg.queuedAt, id: reg.id })))
      .getCount();
    return ahead + 1;
  }

  /** The caller's own registration; `activity` when the caller has it at hand, else it is read. */
  private async registrationView(reg: RegistrationEntity, activity?: ActivityEntity): Promise<MyRegistrationResponse> {
    const of = activity ?? (await this.reload(reg.activityId));
    return toMyRegistrationResponse({ ...reg, answers: this.openAnswers(reg.answers, 'mask') }, await this.positionOf(this.dataSource.manager, reg), of, this.clock.now());
  }

  /** Phone answers are personal data: encrypted at rest like the people table's phones. */
  private sealAnswers(fields: FormField[], answers: FormAnswers): FormAnswers {
    const sealed: FormAnswers = { ...answers };
    for (const field of fields) {
      const value = sealed[field.key];
      if (field.type === 'phone' && typeof value === 'string') sealed[field.key] = this.cipher.encrypt(value);
    }
    return sealed;
  }

  /** Decrypts sealed answers: masked for lists and the person's own view, in full only for the export. */
  private openAnswers(answers: FormAnswers, mode: 'mask' | 'full'): FormAnswers {
    const opened: FormAnswers = {};
    for (const [key, value] of Object.entries(answers)) {
      const plain = typeof value === 'string' && value.startsWith('v1:') ? safeDecrypt(this.cipher, value) : null;
      opened[key] = plain === null ? value : mode === 'full' ? plain : maskPhone(plain);
    }
    return opened;
  }

  private async registrationOf(m: EntityManager, activityId: number, registrationId: number): Promise<RegistrationEntity> {
    const reg = await m.getRepository(RegistrationEntity).findOneBy({ id: registrationId, activityId });
    if (!reg) throw new AppError('NOT_FOUND');
    return reg;
  }

  private async attendee(activityId: number, registrationId: number): Promise<AttendeeResponse> {
    const row = (await this.attendeeRows(activityId, false)).find((a) => a.id === String(registrationId));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  private async attendeeRows(activityId: number, fullPhones: boolean): Promise<AttendeeResponse[]> {
    const regs = await this.dataSource.getRepository(RegistrationEntity).find({ where: { activityId }, order: { queuedAt: 'ASC', id: 'ASC' } });
    if (regs.length === 0) return [];
    const activity = await this.reload(activityId);
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In(regs.map((r) => r.userId)) });
    const orgIds = [...new Set(users.map((u) => u.orgId).filter((x): x is number => x !== null))];
    const enterpriseIds = [...new Set(users.map((u) => u.enterpriseId).filter((x): x is number => x !== null))];
    const [orgs, enterprises] = await Promise.all([
      orgIds.length ? this.dataSource.getRepository(OrgEntity).findBy({ id: In(orgIds) }) : [],
      enterpriseIds.length ? this.dataSource.getRepository(EnterpriseEntity).findBy({ id: In(enterpriseIds) }) : [],
    ]);
    const byId = new Map(users.map((u) => [u.id, u]));
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const enterpriseNames = new Map(enterprises.map((e) => [e.id, e.name]));
    let waitlisted = 0;
    return regs.map((r) => {
      const u = byId.get(r.userId);
      const phone = u?.phoneEnc ? safeDecrypt(this.cipher, u.phoneEnc) : null;
      const opened = { ...r, answers: this.openAnswers(r.answers, fullPhones ? 'full' : 'mask') };
      return toAttendeeResponse(opened, r.status === 'WAITLISTED' ? ++waitlisted : null, {
        name: u?.name ?? '（已删除）',
        phone: phone ? (fullPhones ? phone : maskPhone(phone)) : null,
        orgName: u?.orgId ? (orgNames.get(u.orgId) ?? null) : null,
        enterpriseName: u?.enterpriseId ? (enterpriseNames.get(u.enterpriseId) ?? null) : null,
      }, activity);
    });
  }

  private async requireManaged(user: AuthUser, id: number): Promise<ActivityEntity> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity || !(await this.policy.can(user, 'org.manage', activity.orgId))) throw new AppError('NOT_FOUND');
    return activity;
  }

  /** What a member may act on: published activities (drafts look missing); cancelled ones answer "not published". */
  private async visibleActivity(user: AuthUser, id: number, options: { allowCancelled?: boolean } = {}): Promise<ActivityEntity> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity) throw new AppError('NOT_FOUND');
    if (activity.status === 'DRAFT') {
      if (await this.policy.can(user, 'org.read', activity.orgId)) throw new AppError('ACTIVITY_NOT_PUBLISHED');
      throw new AppError('NOT_FOUND');
    }
    if (activity.status === 'CANCELLED' && !options.allowCancelled) throw new AppError('ACTIVITY_NOT_PUBLISHED');
    return activity;
  }

  private requireSignupOpen(activity: ActivityEntity): void {
    const now = this.clock.now().getTime();
    const opens = (activity.signupStartAt ?? activity.publishedAt ?? activity.createdAt).getTime();
    if (now < opens) throw new AppError('SIGNUP_NOT_OPEN');
    if (now > activity.signupEndAt.getTime() || now >= activity.startAt.getTime()) throw new AppError('SIGNUP_CLOSED');
  }

  private requireCheckinWindow(activity: ActivityEntity, now: Date): void {
    if (!isCheckinOpen(activity, now)) throw new AppError('CHECKIN_NOT_OPEN', '签到时间为活动开始前 1 小时至活动结束');
  }

  private parseSchedule(input: { startAt: string; endAt: string; signupStartAt?: string | null; signupEndAt: string; cancelDeadline?: string | null }): Schedule {
    return {
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      signupStartAt: input.signupStartAt ? new Date(input.signupStartAt) : null,
      signupEndAt: new Date(input.signupEndAt),
      cancelDeadline: input.cancelDeadline ? new Date(input.cancelDeadline) : null,
    };
  }

  private checkSchedule(s: Schedule): void {
    const problems: Array<{ field: string; message: string }> = [];
    if (s.endAt.getTime() <= s.startAt.getTime()) problems.push({ field: 'endAt', message: '结束时间必须晚于开始时间' });
    if (s.signupEndAt.getTime() > s.startAt.getTime()) problems.push({ field: 'signupEndAt', message: '报名截止时间不能晚于活动开始时间' });
    if (s.signupStartAt && s.signupStartAt.getTime() >= s.signupEndAt.getTime()) problems.push({ field: 'signupStartAt', message: '报名开始时间必须早于报名截止时间' });
    if (s.cancelDeadline && s.cancelDeadline.getTime() > s.startAt.getTime()) problems.push({ field: 'cancelDeadline', message: '取消报名截止时间不能晚于活动开始时间' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0].message, problems);
  }

  private requireValidForm(fields: FormField[]): void {
    const problems = checkFormFields(fields);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0].message, problems);
  }

  private async reload(id: number): Promise<ActivityEntity> {
    return (await this.dataSource.getRepository(ActivityEntity).findOneBy({ id }))!;
  }

  /** Responses for a set of activities by id (other features that build on activities use this). */
  async responsesFor(ids: number[]): Promise<Map<number, ActivityResponse>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ActivityEntity).findBy({ id: In(ids) });
    const responses = await this.respondMany(rows);
    return new Map(rows.map((r, i) => [r.id, responses[i]]));
  }

  private async respond(activity: ActivityEntity): Promise<ActivityResponse> {
    return (await this.respondMany([activity]))[0];
  }

  private async respondMany(activities: ActivityEntity[]): Promise<ActivityResponse[]> {
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
    const orgs = await this.dataSource.getRepository(OrgEntity).find({ select: { id: true, name: true }, where: { id: In([...new Set(activities.map((a) => a.orgId))]) } });
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const now = this.clock.now();
    return activities.map((a) => {
      const of = (status: string) => Number(counts.find((c) => Number(c.activityId) === a.id && c.status === status)?.n ?? 0);
      const c: ActivityCounts = { waitlistCount: of('WAITLISTED'), pendingCount: of('PENDING') };
      return toActivityResponse(a, orgNames.get(a.orgId) ?? '', c, now);
    });
  }
}

function normaliseField(f: FormField): FormField {
  const choice = f.type === 'select' || f.type === 'multiselect';
  return { key: f.key, label: f.label, type: f.type, required: f.required, ...(choice ? { options: f.options ?? [] } : {}) };
}

function summary(a: ActivityEntity): Record<string, unknown> {
  return { title: a.title, status: a.status, startAt: a.startAt, endAt: a.endAt, location: a.location, capacity: a.capacity, formFields: a.formFields.map((f) => f.key) };
}

function formatAnswer(value: unknown): string | number {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? value : '';
}

function safeDecrypt(cipher: DataCipher, sealed: string): string | null {
  try {
    return cipher.decrypt(sealed);
  } catch {
    return null;
  }
}

/** `IN (...)` needs at least one value; 0 matches no row. */
function nonEmpty(ids: number[]): number[] {
  return ids.length ? ids : [0];
}
