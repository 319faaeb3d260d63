import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPEAL_CATEGORY_LABELS,
  type AdminAppealResponse,
  type AppealResponse,
  type FormField,
  type Page,
  type RegistrationStatus,
  type TalkDetail,
  type TalkRegistrationResponse,
  type TalkSummary,
} from '@torch-red/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { DataCipher, maskPhone } from '../../common/crypto/data-cipher';
import { AppError } from '../../common/errors/app-error';
import { keysetPage, type KeysetQuery } from '../../database/keyset';
import { toIso, toSqlDateTime } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { ActivityDirectory } from '../activity/activity-directory.service';
import { ActivityQueryService } from '../activity/activity-query.service';
import { ActivityService } from '../activity/activity.service';
import { RegistrationService } from '../activity/registration.service';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { AppealEntity } from './appeal.entity';
import type { AnswerAppealDto, CreateTalkDto, TalkRegisterDto, UpdateTalkDto } from './dto/talk.dto';
import { TalkSessionEntity } from './talk-session.entity';
import { toAdminAppealResponse, toAppealResponse, toTalkSummary } from './talk.mapper';

/** The registration form of every session: the answers the activity engine stores and exports. */
export const TALK_FORM: FormField[] = [
  { key: 'enterprise', label: '企业名称', type: 'text', required: true },
  { key: 'position', label: '职务', type: 'text', required: true },
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
  { key: 'category', label: '诉求类别', type: 'select', required: true, options: Object.values(APPEAL_CATEGORY_LABELS) },
  { key: 'appeal', label: '诉求内容', type: 'text', required: true },
];

@Injectable()
export class TalkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly activities: ActivityService,
    private readonly activityQuery: ActivityQueryService,
    private readonly registrations: RegistrationService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly activityDirectory: ActivityDirectory,
    private readonly orgDirectory: OrgDirectory,
    private readonly people: PeopleDirectory,
  ) {}

  // ── Admin ───────────────────────────────────────────────────────────────────

  async create(user: AuthUser, dto: CreateTalkDto): Promise<TalkSummary> {
    const departmentIds = await this.requireDepartments(dto.hostDepartmentIds);
    const committee = await this.orgDirectory.firstOfType('WORKING_COMMITTEE');
    if (!committee) throw new AppError('VALIDATION_FAILED', '尚未建立工委组织，无法创建月月谈');
    const input = await this.activities.prepareCreate(user, {
      orgId: String(committee.id),
      title: `企业家月月谈 · ${dto.theme}`,
      type: 'ENTREPRENEUR_TALK',
      description: dto.description,
      location: dto.location,
      startAt: dto.startAt,
      endAt: dto.endAt,
      signupStartAt: dto.signupStartAt ?? null,
      signupEndAt: dto.signupEndAt,
      capacity: dto.capacity,
      waitlist: true,
      requiresApproval: true,
      formFields: TALK_FORM,
    });
    // The activity and its session in one transaction: neither is left without the other.
    const talk = await this.tx.run(async (m) => {
      const activity = await this.activities.createIn(m, user, input);
      const saved = await m.getRepository(TalkSessionEntity).save(
        m.getRepository(TalkSessionEntity).create({ activityId: activity.id, theme: dto.theme, hostDepartmentIds: departmentIds, minutes: null, minutesPublishedAt: null, isSample: false }),
      );
      await this.audit.record({ actorId: user.id, action: 'talk.create', entityType: 'talk', entityId: saved.id, after: { theme: dto.theme, activityId: String(activity.id) } }, m);
      return saved;
    });
    return (await this.summaries([talk], null))[0];
  }

  async update(user: AuthUser, id: number, dto: UpdateTalkDto): Promise<TalkSummary> {
    const talk = await this.requireTalk(id);
    const departmentIds = dto.hostDepartmentIds ? await this.requireDepartments(dto.hostDepartmentIds) : talk.hostDepartmentIds;
    const change = await this.activities.prepareUpdate(user, talk.activityId, {
      ...(dto.theme !== undefined ? { title: `企业家月月谈 · ${dto.theme}` } : {}),
      ...(dto.description !== undefined ? { description: dto.description } : {}),
      ...(dto.location !== undefined ? { location: dto.location } : {}),
      ...(dto.startAt !== undefined ? { startAt: dto.startAt } : {}),
      ...(dto.endAt !== undefined ? { endAt: dto.endAt } : {}),
      ...(dto.signupStartAt !== undefined ? { signupStartAt: dto.signupStartAt } : {}),
      ...(dto.signupEndAt !== undefined ? { signupEndAt: dto.signupEndAt } : {}),
      ...(dto.capacity !== undefined ? { capacity: dto.capacity } : {}),
    });
    await this.tx.run(async (m) => {
      await this.activities.updateIn(m, user, change);
      await m.getRepository(TalkSessionEntity).update({ id }, { theme: dto.theme ?? talk.theme, hostDepartmentIds: departmentIds });
      await this.audit.record({ actorId: user.id, action: 'talk.update', entityType: 'talk', entityId: id, before: { theme: talk.theme }, after: { theme: dto.theme ?? talk.theme } }, m);
    });
    return (await this.summaries([await this.requireTalk(id)], null))[0];
  }

  async publish(user: AuthUser, id: number): Promise<TalkSummary> {
    const talk = await this.requireTalk(id);
    await this.activities.publish(user, talk.activityId);
    return (await this.summaries([talk], null))[0];
  }

  /** Every session, drafts included; newest first. */
  async adminList(page: KeysetQuery): Promise<Page<TalkSummary>> {
    const qb = this.dataSource.getRepository(TalkSessionEntity).createQueryBuilder('t');
    const { rows, nextCursor } = await keysetPage(qb, { id: 't.id', direction: 'DESC' }, page);
    return { items: await this.summaries(rows, null), nextCursor };
  }

  /** A session's appeals in the order they came in. */
  async adminAppeals(id: number, page: KeysetQuery): Promise<Page<AdminAppealResponse>> {
    const talk = await this.requireTalk(id);
    const qb = this.dataSource.getRepository(AppealEntity).createQueryBuilder('p').where('p.talkSessionId = :id', { id });
    const { rows: appeals, nextCursor } = await keysetPage(qb, { id: 'p.id', direction: 'ASC' }, page);
    if (appeals.length === 0) return { items: [], nextCursor };
    const [users, registrations] = await Promise.all([
      this.people.names(appeals.map((a) => a.userId)),
      this.activityDirectory.registrations(appeals.map((a) => a.registrationId)),
    ]);
    const items = appeals.map((a) => {
      const reg = registrations.get(a.registrationId);
      const sealed = reg?.answers.phone;
      const plain = typeof sealed === 'string' ? this.cipher.decryptOrNull(sealed) : null;
      return toAdminAppealResponse(a, talk.theme, {
        name: users.get(a.userId) ?? '',
        maskedPhone: plain === null ? null : maskPhone(plain),
        registrationStatus: reg?.status ?? 'CANCELLED',
      });
    });
    return { items, nextCursor };
  }

  async answer(user: AuthUser, appealId: number, dto: AnswerAppealDto): Promise<AppealResponse> {
    const appeal = await this.dataSource.getRepository(AppealEntity).findOneBy({ id: appealId });
    if (!appeal) throw new AppError('NOT_FOUND');
    const talk = await this.requireTalk(appeal.talkSessionId);
    await this.tx.run(async (m) => {
      await m.getRepository(AppealEntity).update({ id: appealId }, { answer: dto.answer, status: dto.status, answeredBy: user.id, answeredAt: this.clock.now() });
      await this.audit.record({ actorId: user.id, action: 'appeal.answer', entityType: 'appeal', entityId: appealId, before: { status: appeal.status, answer: appeal.answer }, after: { status: dto.status, answer: dto.answer } }, m);
      await this.notifications.notify(m, [appeal.userId], {
        kind: 'APPEAL_ANSWERED',
        title: '诉求已答复',
        body: `你在「企业家月月谈 · ${talk.theme}」提出的诉求已有答复，请在“我的诉求”中查看。`,
        link: '/packages/talk/pages/my-appeals/index',
      });
    });
    const saved = (await this.dataSource.getRepository(AppealEntity).findOneBy({ id: appealId }))!;
    return toAppealResponse(saved, talk.theme, (await this.registrationStatuses([saved.registrationId])).get(saved.registrationId) ?? null);
  }

  async publishMinutes(user: AuthUser, id: number, minutes: string): Promise<TalkSummary> {
    const talk = await this.requireTalk(id);
    await this.tx.run(async (m) => {
      await m.getRepository(TalkSessionEntity).update({ id }, { minutes, minutesPublishedAt: this.clock.now() });
      await this.audit.record({ actorId: user.id, action: 'talk.minutes', entityType: 'talk', entityId: id, before: { minutes: talk.minutes }, after: { minutes } }, m);
    });
    return (await this.summaries([await this.requireTalk(id)], null))[0];
  }

  // ── Entrepreneurs ───────────────────────────────────────────────────────────

  /** Published (and cancelled) sessions, the latest start first; sessions starting together by id. */
  async list(user: AuthUser, page: KeysetQuery): Promise<Page<TalkSummary>> {
    const qb = this.activityDirectory
      .joinActivity(this.dataSource.getRepository(TalkSessionEntity).createQueryBuilder('t'), 'a', 't.activityId')
      .where('a.status IN (:...statuses)', { statuses: ['PUBLISHED', 'CANCELLED'] });
    const { rows, nextCursor } = await keysetPage(qb, { key: 'a.startAt', id: 't.id', direction: 'DESC' }, page, async (last) =>
      toSqlDateTime(await this.activityDirectory.startAtOf(last.activityId)),
    );
    return { items: await this.summaries(rows, user), nextCursor };
  }

  async detail(user: AuthUser, id: number): Promise<TalkDetail> {
    const talk = await this.requireTalk(id);
    const activity = await this.activityQuery.detail(user, talk.activityId);
    const [summary] = await this.summaries([talk], user);
    const mine = await this.dataSource.getRepository(AppealEntity).findOneBy({ talkSessionId: id, userId: user.id });
    return {
      ...summary,
      activity,
      minutes: talk.minutesPublishedAt ? talk.minutes : null,
      minutesPublishedAt: toIso(talk.minutesPublishedAt),
      myAppeal: mine ? toAppealResponse(mine, talk.theme, activity.myRegistration?.status ?? null) : null,
    };
  }

  /**
   * Registers through the activity engine (seats, waitlist, approval, reminders) and keeps the appeal, in
   * one transaction: no registration without its appeal. Repeating the call returns the same registration
   * and appeal; a missing appeal is created then.
   */
  async register(user: AuthUser, id: number, dto: TalkRegisterDto): Promise<TalkRegistrationResponse> {
    const talk = await this.requireTalk(id);
    let enterpriseId: number | null = null;
    let enterpriseName = dto.enterpriseName?.trim() ?? '';
    if (dto.enterpriseId) {
      const enterprise = await this.orgDirectory.enterprise(Number(dto.enterpriseId));
      if (!enterprise) throw new AppError('VALIDATION_FAILED', '所选企业不存在', [{ field: 'enterpriseId', message: '所选企业不存在' }]);
      enterpriseId = enterprise.id;
      enterpriseName = enterprise.name;
    }
    if (!enterpriseName) throw new AppError('VALIDATION_FAILED', '请选择或填写企业名称', [{ field: 'enterpriseName', message: '请选择或填写企业名称' }]);
    const answers = { enterprise: enterpriseName, position: dto.position, phone: dto.phone, category: APPEAL_CATEGORY_LABELS[dto.category], appeal: dto.appeal };
    const fields = { enterpriseId, enterpriseName, position: dto.position, category: dto.category, content: dto.appeal };
    const { row, appeal } = await this.registrations.onceMoreIfRaced(async () => {
      const admission = await this.registrations.prepareRegister(user, talk.activityId, answers);
      return this.tx.run(async (m) => {
        const { row, created } = await this.registrations.registerIn(m, user, admission);
        return { row, appeal: await this.keepAppeal(m, talk.id, row, created, fields) };
      });
    });
    return { registration: await this.registrations.view(row), appeal: toAppealResponse(appeal, talk.theme, row.status) };
  }

  /** My appeals, newest first. */
  async myAppeals(user: AuthUser, page: KeysetQuery): Promise<Page<AppealResponse>> {
    const qb = this.dataSource.getRepository(AppealEntity).createQueryBuilder('p').where('p.userId = :me', { me: user.id });
    const { rows: appeals, nextCursor } = await keysetPage(qb, { id: 'p.id', direction: 'DESC' }, page);
    const talks = appeals.length ? await this.dataSource.getRepository(TalkSessionEntity).findBy({ id: In(appeals.map((a) => a.talkSessionId)) }) : [];
    const statuses = await this.registrationStatuses(appeals.map((a) => a.registrationId));
    return { items: appeals.map((a) => toAppealResponse(a, talks.find((t) => t.id === a.talkSessionId)?.theme ?? '', statuses.get(a.registrationId) ?? null)), nextCursor };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  /** The appeal that goes with a registration: kept on a repeat, replaced when the person signed up again after cancelling. */
  private async keepAppeal(
    m: EntityManager,
    talkSessionId: number,
    registration: { id: number; userId: number },
    created: boolean,
    fields: Pick<AppealEntity, 'enterpriseId' | 'enterpriseName' | 'position' | 'category' | 'content'>,
  ): Promise<AppealEntity> {
    const repo = m.getRepository(AppealEntity);
    const existing = await repo.findOneBy({ registrationId: registration.id });
    if (existing && created) {
      await repo.update({ id: existing.id }, { ...fields, status: 'RECEIVED', answer: null, answeredBy: null, answeredAt: null });
      return (await repo.findOneBy({ id: existing.id }))!;
    }
    if (existing) return existing;
    return repo.save(repo.create({ talkSessionId, registrationId: registration.id, userId: registration.userId, ...fields, status: 'RECEIVED', answer: null, answeredBy: null, answeredAt: null }));
  }

  private async requireTalk(id: number): Promise<TalkSessionEntity> {
    const talk = await this.dataSource.getRepository(TalkSessionEntity).findOneBy({ id });
    if (!talk) throw new AppError('NOT_FOUND');
    return talk;
  }

  private async requireDepartments(ids: string[]): Promise<number[]> {
    const unique = [...new Set(ids.map(Number))];
    if ((await this.orgDirectory.departments(unique)).size !== unique.length) {
      throw new AppError('VALIDATION_FAILED', '承办部门不存在', [{ field: 'hostDepartmentIds', message: '承办部门不存在' }]);
    }
    return unique;
  }

  /** `user`: whose registration each summary carries (null: nobody's, the admin's management lists). */
  private async summaries(talks: TalkSessionEntity[], user: AuthUser | null): Promise<TalkSummary[]> {
    if (talks.length === 0) return [];
    const activityIds = talks.map((t) => t.activityId);
    const [activities, departments, mine] = await Promise.all([
      this.activityQuery.responsesFor(activityIds),
      this.orgDirectory.departments(talks.flatMap((t) => t.hostDepartmentIds)),
      user ? this.activityDirectory.myRegistrationStatuses(user.id, activityIds) : new Map<number, RegistrationStatus>(),
    ]);
    return talks.map((t) => toTalkSummary(t, activities.get(t.activityId)!, departments, mine.get(t.activityId) ?? null));
  }

  private async registrationStatuses(ids: number[]): Promise<Map<number, RegistrationStatus>> {
    const registrations = await this.activityDirectory.registrations(ids);
    return new Map([...registrations].map(([id, r]) => [id, r.status]));
  }
}
