import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttendeeResponse, FormAnswers, MyRegistrationResponse, RegistrationResponse, RegistrationStatus } from '@torch-red/shared';
import { REGISTRATION_STATUS_LABELS, attendanceApplies, canAttendance, canRegistration, isCancelDeadlinePassed, isCheckinOpen } from '@torch-red/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { DataCipher } from '../../common/crypto/data-cipher';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { Tx } from '../../database/tx.service';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { ActivityAccess } from './activity-access';
import { ActivityNotices } from './activity-notices';
import { ActivityQueryService } from './activity-query.service';
import { ActivityEntity } from './activity.entity';
import { ActivityRepository, type ActivityView } from './activity.repository';
import { AttendeeExportService } from './attendee-export.service';
import { CheckinTokens } from './checkin-token';
import { validateAnswers } from './form-answers';
import { RegistrationEntity } from './registration.entity';
import { SeatEngine } from './seat-engine.service';
import { sealAnswers } from './sealed-answers';

const CHECKIN_ATTEMPTS = { wrongCodes: 5, windowSeconds: 600 } as const;

/**
 * A sign-up that passed `prepareRegister`: either the person's registration that stands (a repeat returns
 * it unchanged, with its waitlist place) or a published, open activity and validated answers to register
 * with (`cancelled`: their earlier, cancelled registration, signed up again in place).
 */
export type Admission =
  | { existing: RegistrationEntity; position: number | null; activity: ActivityView }
  | { existing?: undefined; activity: ActivityView; answers: FormAnswers; cancelled: RegistrationEntity | null };

/** A new registration as written, with its waitlist place (null unless waitlisted). */
export interface Registered {
  row: RegistrationEntity;
  created: boolean;
  position: number | null;
}

/** Another request of the same person changed their registration first: run the sign-up once more. */
class RegistrationRaced extends Error {}

/**
 * A person's registration through its life: sign up, cancel, leave, check in, and the secretary's review
 * and attendance. Seats and the waitlist are the {@link SeatEngine}'s; this service decides who may take
 * which step. Signing up composes like the activity steps: `prepareRegister` outside a transaction,
 * `registerIn(m, …)` inside the caller's.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly access: ActivityAccess,
    private readonly seats: SeatEngine,
    private readonly notices: ActivityNotices,
    private readonly query: ActivityQueryService,
    private readonly attendees: AttendeeExportService,
    private readonly rateLimit: RateLimitService,
    private readonly checkins: CheckinTokens,
    private readonly activities: ActivityRepository,
  ) {}

  // ── Members: sign up, cancel, leave, check in ───────────────────────────────

  /**
   * Signs up with answers to the form; the same person again gets the same registration (`created: false`).
   * One read before the transaction (activity + my registration), then only the statements that need the
   * activity row lock; the answer is built from what was read and written, not read back.
   */
  async register(user: AuthUser, id: number, rawAnswers: unknown): Promise<{ registration: MyRegistrationResponse; created: boolean }> {
    return this.onceMoreIfRaced(async () => {
      const admission = await this.prepareRegister(user, id, rawAnswers);
      if (admission.existing) {
        return { registration: this.query.myView(admission.existing, admission.position, admission.activity, this.clock.now()), created: false };
      }
      const { row, position } = await this.tx.run((m) => this.take(m, user, admission));
      // The row lock saw the activity PUBLISHED when the seat was decided.
      const activity = { ...admission.activity, status: 'PUBLISHED' as const };
      return { registration: this.query.myView(row, position, activity, row.updatedAt), created: true };
    });
  }

  async prepareRegister(user: AuthUser, id: number, rawAnswers: unknown): Promise<Admission> {
    const read = await this.activities.admission(id, user.id);
    if (!read) throw new AppError('NOT_FOUND');
    const { activity, mine } = read;
    await this.access.requireVisible(user, activity);
    await this.access.requireAudience(user, activity);
    if (mine && !canRegistration(mine.status, 'register')) return { existing: mine, position: read.position, activity };
    this.requireSignupOpen(activity);
    const checked = validateAnswers(activity.formFields, rawAnswers);
    if ('errors' in checked) throw new AppError('FORM_ANSWER_INVALID', checked.errors[0].message, checked.errors);
    return { activity, answers: checked.answers, cancelled: mine };
  }

  /**
   * Takes a seat, a waitlist place or a place in review, in the caller's transaction; `created` is false
   * when the person's registration already stood. Approval-mode activities always go to review first.
   */
  async registerIn(m: EntityManager, user: AuthUser, admission: Admission): Promise<{ row: RegistrationEntity; created: boolean }> {
    if (admission.existing) return { row: admission.existing, created: false };
    return this.take(m, user, admission);
  }

  /**
   * The statements that hold the activity row: it is locked and read first, then a free seat is taken by a
   * conditional UPDATE or a waitlist place counted; then the registration and its notification + outbox rows,
   * and the transaction ends. (Locking first costs a seat-taker one statement, but in a rush most people's
   * read before the transaction still showed seats that were gone by the time they got the lock — taking the
   * seat first made each of them run one statement more while holding it.) A second registration of the same
   * person trips the unique key, a cancelled one changed meanwhile trips `reopen`: both roll back and run once more.
   */
  private async take(m: EntityManager, user: AuthUser, admission: Exclude<Admission, { existing: RegistrationEntity }>): Promise<Registered> {
    const { activity, cancelled } = admission;
    const answers = sealAnswers(this.cipher, activity.formFields, admission.answers);
    const locked = await this.activities.lockSeats(m, activity.id);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.status !== 'PUBLISHED') throw new AppError('ACTIVITY_NOT_PUBLISHED');
    let status: RegistrationStatus;
    if (locked.requiresApproval) status = 'PENDING';
    else if (hasFreeSeat(locked) && (await this.activities.takeFreeSeat(m, activity.id))) status = 'CONFIRMED';
    else if (locked.waitlist) status = 'WAITLISTED';
    else throw new AppError('ACTIVITY_FULL');
    // Taken with the row lock held, so places in the queue follow the order people got the lock.
    const now = this.clock.now();
    const position = status === 'WAITLISTED' ? await this.activities.waitlistPlace(m, activity.id, now, cancelled?.id ?? null) : null;
    const fields = { activityId: activity.id, userId: user.id, status, answers, queuedAt: now, attendance: 'NONE' as const, leaveReason: null, rejectReason: null, checkedInAt: null, reviewedBy: null, updatedAt: now };
    let row: RegistrationEntity;
    if (cancelled) {
      if (!(await this.activities.reopenRegistration(m, cancelled.id, status, answers, now))) throw new RegistrationRaced();
      row = { ...fields, id: cancelled.id, createdAt: cancelled.createdAt };
    } else {
      const created = { ...fields, createdAt: now };
      row = { ...created, id: await this.activities.insertRegistration(m, created) };
    }
    await this.notices.registered(m, row, activity, position);
    return { row, created: true, position };
  }

  /**
   * Runs a sign-up use case. The same person twice at the same moment: the unique key lets one in and
   * rolls the other back; that one runs once more and meets the winner's registration as a repeat.
   */
  async onceMoreIfRaced<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (err) {
      if (!isUniqueViolation(err) && !(err instanceof RegistrationRaced)) throw err;
      return attempt();
    }
  }

  async cancelMine(user: AuthUser, id: number): Promise<RegistrationResponse> {
    const activity = await this.access.visibleActivity(user, id, { allowCancelled: true });
    const mine = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ activityId: id, userId: user.id });
    if (!mine) throw new AppError('NOT_FOUND', '你还没有报名这个活动');
    if (!canRegistration(mine.status, 'cancel')) throw new AppError('REGISTRATION_STATE_INVALID', `报名状态为“${REGISTRATION_STATUS_LABELS[mine.status]}”，无需取消`);
    if (isCancelDeadlinePassed(activity, this.clock.now())) throw new AppError('CANCEL_DEADLINE_PASSED');

    const row = await this.tx.run(async (m) => {
      const locked = await this.seats.lockActivity(m, id);
      const repo = m.getRepository(RegistrationEntity);
      const current = (await repo.findOneBy({ id: mine.id }))!;
      if (!canRegistration(current.status, 'cancel')) throw new AppError('REGISTRATION_STATE_INVALID');
      const result = await repo.update({ id: current.id, status: current.status }, { status: 'CANCELLED' });
      if (!result.affected) throw new AppError('CONFLICT');
      if (current.status === 'CONFIRMED') {
        await this.seats.releaseSeat(m, id);
        await this.seats.promote(m, locked);
      }
      return (await repo.findOneBy({ id: current.id }))!;
    });
    return this.view(row);
  }

  async leave(user: AuthUser, id: number, reason: string): Promise<RegistrationResponse> {
    await this.access.visibleActivity(user, id);
    const repo = this.dataSource.getRepository(RegistrationEntity);
    const mine = await repo.findOneBy({ activityId: id, userId: user.id });
    if (!mine) throw new AppError('NOT_FOUND', '你还没有报名这个活动');
    if (!attendanceApplies(mine.status)) throw new AppError('REGISTRATION_STATE_INVALID', '只有报名成功的活动可以请假');
    if (!canAttendance(mine.attendance, 'leave')) throw new AppError('REGISTRATION_STATE_INVALID', '你已签到，不能请假');
    await this.tx.run((m) => m.getRepository(RegistrationEntity).update({ id: mine.id, status: 'CONFIRMED' }, { attendance: 'LEAVE', leaveReason: reason }));
    return this.view((await repo.findOneBy({ id: mine.id }))!);
  }

  async checkin(user: AuthUser, id: number, code: string): Promise<RegistrationResponse> {
    const activity = await this.access.visibleActivity(user, id);
    const now = this.clock.now();
    // A 6-digit code falls to guessing without a limit: 5 wrong codes per person and activity per 10
    // minutes, counted in the database (all processes). Counted before checking, given back when right.
    const attempts = `checkin:${id}:${user.id}`;
    const { wrongCodes, windowSeconds } = CHECKIN_ATTEMPTS;
    const counted = new Date();
    await this.rateLimit.consume(attempts, wrongCodes, windowSeconds, counted, `签到码错误次数过多，请 ${windowSeconds / 60} 分钟后再试，或请工作人员为你登记签到`);
    if (!this.checkins.verify(id, code, now)) throw new AppError('CHECKIN_CODE_INVALID');
    await this.rateLimit.release(attempts, windowSeconds, counted);
    requireCheckinWindow(activity, now);
    const repo = this.dataSource.getRepository(RegistrationEntity);
    const mine = await repo.findOneBy({ activityId: id, userId: user.id });
    if (!mine || !attendanceApplies(mine.status)) throw new AppError('REGISTRATION_STATE_INVALID', '你没有这个活动的有效报名，无法签到');
    if (mine.attendance !== 'CHECKED_IN') {
      await this.tx.run((m) =>
        m.getRepository(RegistrationEntity).update({ id: mine.id, status: 'CONFIRMED' }, { attendance: 'CHECKED_IN', checkedInAt: now, leaveReason: null }),
      );
    }
    return this.view((await repo.findOneBy({ id: mine.id }))!);
  }

  /** The caller's own registration as they see it (phones masked, waitlist place). */
  view(row: RegistrationEntity): Promise<MyRegistrationResponse> {
    return this.query.registrationView(row);
  }

  // ── Secretary: review and attendance ────────────────────────────────────────

  async approve(user: AuthUser, id: number, registrationId: number): Promise<AttendeeResponse> {
    await this.access.requireManaged(user, id);
    await this.tx.run(async (m) => {
      const activity = await this.seats.lockActivity(m, id);
      if (activity.status !== 'PUBLISHED') throw new AppError('ACTIVITY_NOT_PUBLISHED');
      const reg = await registrationOf(m, id, registrationId);
      if (!canRegistration(reg.status, 'approve')) throw new AppError('REGISTRATION_STATE_INVALID', `报名状态为“${REGISTRATION_STATUS_LABELS[reg.status]}”，不能审核`);
      let status: RegistrationStatus;
      if (await this.seats.takeSeat(m, activity)) status = 'CONFIRMED';
      else if (activity.waitlist) status = 'WAITLISTED';
      else throw new AppError('ACTIVITY_FULL', '名额已满，无法通过审核');
      const result = await m.getRepository(RegistrationEntity).update({ id: reg.id, status: 'PENDING' }, { status, reviewedBy: user.id, queuedAt: this.clock.now() });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.notices.approved(m, reg.userId, activity, status === 'CONFIRMED');
    });
    return this.attendees.attendee(id, registrationId);
  }

  async reject(user: AuthUser, id: number, registrationId: number, reason?: string): Promise<AttendeeResponse> {
    await this.access.requireManaged(user, id);
    await this.tx.run(async (m) => {
      const activity = await this.seats.lockActivity(m, id);
      const reg = await registrationOf(m, id, registrationId);
      if (!canRegistration(reg.status, 'reject')) {
        throw new AppError('REGISTRATION_STATE_INVALID', `报名状态为“${REGISTRATION_STATUS_LABELS[reg.status]}”，不能驳回`);
      }
      const result = await m.getRepository(RegistrationEntity).update({ id: reg.id, status: reg.status }, { status: 'REJECTED', rejectReason: reason?.trim() || null, reviewedBy: user.id });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.notices.rejected(m, reg.userId, activity, reason);
    });
    return this.attendees.attendee(id, registrationId);
  }

  /** Checks someone in by hand, or marks leave (请假) / no-show after the event. */
  async setAttendance(user: AuthUser, id: number, registrationId: number, attendance: RegistrationEntity['attendance'], reason?: string): Promise<AttendeeResponse> {
    await this.access.requireManaged(user, id);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const activity = await this.seats.lockActivity(m, id);
      const reg = await registrationOf(m, id, registrationId);
      if (!attendanceApplies(reg.status)) throw new AppError('REGISTRATION_STATE_INVALID', '只能为报名成功的人员登记出勤');
      if (attendance === 'NO_SHOW' && now.getTime() < activity.startAt.getTime()) throw new AppError('CHECKIN_NOT_OPEN', '活动开始后才能登记缺席');
      if (attendance === 'CHECKED_IN') requireCheckinWindow(activity, now);
      await m.getRepository(RegistrationEntity).update(
        { id: reg.id },
        {
          attendance,
          checkedInAt: attendance === 'CHECKED_IN' ? (reg.checkedInAt ?? now) : null,
          leaveReason: attendance === 'LEAVE' ? (reason?.trim() || reg.leaveReason || '书记登记') : null,
        },
      );
    });
    return this.attendees.attendee(id, registrationId);
  }

  private requireSignupOpen(activity: ActivityView): void {
    const now = this.clock.now().getTime();
    const opens = (activity.signupStartAt ?? activity.publishedAt ?? activity.createdAt).getTime();
    if (now < opens) throw new AppError('SIGNUP_NOT_OPEN');
    if (now > activity.signupEndAt.getTime() || now >= activity.startAt.getTime()) throw new AppError('SIGNUP_CLOSED');
  }
}

function hasFreeSeat(a: { capacity: number | null; confirmedCount: number }): boolean {
  return a.capacity === null || a.confirmedCount < a.capacity;
}

function requireCheckinWindow(activity: ActivityEntity, now: Date): void {
  if (!isCheckinOpen(activity, now)) throw new AppError('CHECKIN_NOT_OPEN', '签到时间为活动开始前 1 小时至活动结束');
}

async function registrationOf(m: EntityManager, activityId: number, registrationId: number): Promise<RegistrationEntity> {
  const reg = await m.getRepository(RegistrationEntity).findOneBy({ id: registrationId, activityId });
  if (!reg) throw new AppError('NOT_FOUND');
  return reg;
}
