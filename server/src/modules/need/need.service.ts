import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  ASSIGNMENT_STATUS_LABELS,
  NEED_CATEGORY_LABELS,
  NEED_LIMITS,
  NEED_STATUS_LABELS,
  NEED_URGENCY_LABELS,
  OPEN_NEED_STATUSES,
  assignmentStatusesAccepting,
  canAssignment,
  isAssignmentActive,
  isNeedOpen,
  needStatusAfterAssignment,
  nextAssignment,
  nextNeed,
  type AssignmentEvent,
  type DeadlineRunResult,
  type DepartmentAssignmentItem,
  type NeedCategory,
  type NeedDetail,
  type NeedEvent,
  type NeedEventKind,
  type NeedStatus,
  type NeedSummary,
  type NeedUrgency,
  type NotificationKind,
} from '@torch-red/shared';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { departmentIdsOf, orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock, formatChinaDateTime, formatChinaTime } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { buildSpreadsheet } from '../../common/xlsx/spreadsheet';
import { isUniqueViolation } from '../../database/db-errors';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { ImageService } from '../media/image.service';
import { NotificationService } from '../notification/notification.service';
import { ChainEntity } from '../org/chain.entity';
import { DepartmentEntity } from '../org/department.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { SchedulerService } from '../scheduler/scheduler.service';
import { AppealEntity } from '../talk/appeal.entity';
import { RoleGrantEntity } from '../user/role-grant.entity';
import { UserEntity } from '../user/user.entity';
import type { DispatchNeedDto, NeedListQueryDto, RaiseNeedDto } from './dto/need.dto';
import { NeedAssignmentEntity } from './need-assignment.entity';
import { NeedEventEntity } from './need-event.entity';
import { deadlineNote, toAssignmentResponse, toEventResponse, toNeedSummary } from './need.mapper';
import { NeedEntity } from './need.entity';
import { needFacts, needRelation } from './need-relation';
import { AccessPolicy } from '../access/access-policy.service';
import { secretaryEnterpriseIds } from '../access/permissions';

const DAY = 86400000;
const OPEN: NeedStatus[] = [...OPEN_NEED_STATUSES];

export interface NewNeed {
  enterpriseId: number;
  raisedBy: number;
  category: NeedCategory;
  urgency: NeedUrgency;
  title: string;
  description: string;
  imageIds: number[];
  appealId?: number | null;
  visitId?: number | null;
  /** Where the need came from, shown in the timeline (a 月月谈 appeal, an instructor's visit). */
  note?: string | null;
}

@Injectable()
export class NeedService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly images: ImageService,
    private readonly policy: AccessPolicy,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('need-deadlines', 5 * 60000, () => this.runDeadlineChecks().then(() => undefined));
  }

  // ── 点单: raising ──────────────────────────────────────────────────────────

  async raise(user: AuthUser, dto: RaiseNeedDto): Promise<NeedDetail> {
    const enterpriseId = await this.enterpriseFor(user, dto.enterpriseId ? Number(dto.enterpriseId) : null);
    const imageIds = [...new Set((dto.imageIds ?? []).map(Number))];
    // Only the raiser's own uploads; from then on they are private to the people who may read the need.
    await this.images.requireAttachable(user, imageIds);
    const need = await this.tx.run(async (m) => {
      await this.images.markPrivate(m, imageIds);
      return this.createNeed(m, { enterpriseId, raisedBy: user.id, category: dto.category, urgency: dto.urgency, title: dto.title, description: dto.description, imageIds });
    });
    return this.detail(user, need.id);
  }

  /** A 月月谈 appeal becomes a need in one step; the entrepreneur who raised the appeal is the raiser. */
  async fromAppeal(user: AuthUser, appealId: number): Promise<NeedDetail> {
    const appeal = await this.dataSource.getRepository(AppealEntity).findOneBy({ id: appealId });
    if (!appeal) throw new AppError('NOT_FOUND');
    if (appeal.enterpriseId === null) throw new AppError('NEED_NO_ENTERPRISE', '该诉求未关联链上企业，无法转入需求台账');
    if (await this.dataSource.getRepository(NeedEntity).existsBy({ appealId })) throw new AppError('NEED_STATE_INVALID', '该诉求已转为需求');
    let need: NeedEntity;
    try {
      need = await this.tx.run(async (m) => {
        const created = await this.createNeed(m, {
          enterpriseId: appeal.enterpriseId!,
          raisedBy: appeal.userId,
          category: appeal.category,
          urgency: 'NORMAL',
          title: appeal.content.slice(0, 40),
          description: appeal.content,
          imageIds: [],
          appealId,
          note: '由企业家月月谈诉求转入需求台账',
        });
        await this.audit.record({ actorId: user.id, action: 'need.from-appeal', entityType: 'need', entityId: created.id, after: { appealId } }, m);
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('NEED_STATE_INVALID', '该诉求已转为需求');
      throw err;
    }
    return this.detail(user, need.id);
  }

  /** Inserts a need in the ledger of the enterprise's industry committee, inside the caller's transaction. */
  async createNeed(m: EntityManager, input: NewNeed): Promise<NeedEntity> {
    const enterprise = await m.getRepository(EnterpriseEntity).findOneBy({ id: input.enterpriseId });
    const chain = enterprise?.chainId ? await m.getRepository(ChainEntity).findOneBy({ id: enterprise.chainId }) : null;
    if (!enterprise || !chain) throw new AppError('NEED_NO_ENTERPRISE', '该企业尚未加入产业链，暂无承接的产业党委');
    const now = this.clock.now();
    const repo = m.getRepository(NeedEntity);
    const need = await repo.save(
      repo.create({
        enterpriseId: enterprise.id,
        chainId: chain.id,
        committeeOrgId: chain.committeeOrgId,
        raisedBy: input.raisedBy,
        category: input.category,
        urgency: input.urgency,
        title: input.title,
        description: input.description,
        imageIds: input.imageIds,
        status: 'SUBMITTED',
        version: 1,
        appealId: input.appealId ?? null,
        visitId: input.visitId ?? null,
        mergedIntoId: null,
        answer: null,
        resolvedAt: null,
        rating: null,
        ratingComment: null,
        closedAt: null,
        lastActivityAt: now,
        escalatedAt: null,
        isSample: false,
      }),
    );
    await this.event(m, need.id, input.raisedBy, 'RAISED', null, input.note ?? null);
    await this.notify(m, await this.committeeStaff(m, chain.committeeOrgId), need, 'NEED_RAISED', '新需求待派单', `${enterprise.name}提出「${need.title}」（${NEED_CATEGORY_LABELS[need.category]}·${NEED_URGENCY_LABELS[need.urgency]}），请及时派单。`);
    return need;
  }

  // ── 派单: the committee ────────────────────────────────────────────────────

  async dispatch(user: AuthUser, id: number, dto: DispatchNeedDto): Promise<NeedDetail> {
    const now = this.clock.now();
    const departmentIds = dto.assignments.map((a) => Number(a.departmentId));
    if (new Set(departmentIds).size !== departmentIds.length) throw new AppError('VALIDATION_FAILED', '同一部门只能派一次', [{ field: 'assignments', message: '同一部门只能派一次' }]);
    const departments = await this.dataSource.getRepository(DepartmentEntity).findBy({ id: In(departmentIds) });
    if (departments.length !== departmentIds.length) throw new AppError('VALIDATION_FAILED', '承办部门不存在', [{ field: 'assignments', message: '承办部门不存在' }]);
    const deadlines = dto.assignments.map((a) => new Date(a.deadline));
    if (deadlines.some((d) => d.getTime() <= now.getTime())) throw new AppError('VALIDATION_FAILED', '办理期限必须晚于现在', [{ field: 'deadline', message: '办理期限必须晚于现在' }]);
    return this.mutate(user, id, async (m, need, assignments) => {
      this.requireCommittee(user, need);
      const to = this.requireStatus(need, 'dispatch');
      if (assignments.some((a) => isAssignmentActive(a.status) && departmentIds.includes(a.departmentId))) {
        throw new AppError('NEED_STATE_INVALID', '该部门正在办理此需求，无需重复派单');
      }
      for (const [i, departmentId] of departmentIds.entries()) {
        await m.getRepository(NeedAssignmentEntity).insert({
          needId: need.id,
          departmentId,
          deadline: deadlines[i],
          status: 'PENDING',
          assignedBy: user.id,
          acceptedBy: null,
          acceptedAt: null,
          returnReason: null,
          answer: null,
          resolvedBy: null,
          resolvedAt: null,
          reminderSentAt: null,
          overdueAt: null,
        });
        await this.event(m, need.id, user.id, 'DISPATCHED', departmentId, [deadlineNote(deadlines[i]), dto.note].filter(Boolean).join('；'));
        await this.notify(m, await this.departmentHandlers(m, departmentId), need, 'NEED_ASSIGNED', '有新的派单', `「${need.title}」已派给你部门办理，${deadlineNote(deadlines[i])}。请及时接单。`);
      }
      await this.setNeed(m, need, { status: to });
      await this.notify(m, [need.raisedBy], need, 'NEED_PROGRESS', '需求已派单', `你提出的「${need.title}」已派给${departments.map((d) => d.name).join('、')}办理。`);
    });
  }

  async answer(user: AuthUser, id: number, answer: string): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need) => {
      this.requireCommittee(user, need);
      const to = this.requireStatus(need, 'answer');
      await this.setNeed(m, need, { status: to, answer, resolvedAt: this.clock.now() });
      await this.event(m, need.id, user.id, 'ANSWERED', null, answer);
      await this.notify(m, [need.raisedBy], need, 'NEED_RESOLVED', '需求已答复', `你提出的「${need.title}」已有答复，请确认并评价。`);
    });
  }

  async merge(user: AuthUser, id: number, targetId: number, note: string | null): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need, assignments) => {
      this.requireCommittee(user, need);
      this.requireStatus(need, 'merge');
      const target = await m.getRepository(NeedEntity).findOneBy({ id: targetId });
      if (!target || target.id === need.id || target.committeeOrgId !== need.committeeOrgId || !isNeedOpen(target.status)) {
        throw new AppError('NEED_MERGE_INVALID');
      }
      for (const a of assignments.filter((x) => canAssignment(x.status, 'cancel'))) {
        await m.getRepository(NeedAssignmentEntity).update({ id: a.id, status: 'PENDING' }, { status: 'CANCELLED' });
      }
      await this.setNeed(m, need, { status: 'MERGED', mergedIntoId: target.id });
      // No titles in the stored notes: each reader sees the other need's title only if they may open it.
      await this.event(m, need.id, user.id, 'MERGED', null, [`并入需求 #${target.id}`, note].filter(Boolean).join('；'));
      await this.event(m, target.id, user.id, 'MERGED', null, `需求 #${need.id} 已并入本需求`);
      await this.notify(m, [need.raisedBy], need, 'NEED_PROGRESS', '需求已合并办理', `你提出的「${need.title}」与相同需求合并办理，可在原需求中查看进展。`);
    });
  }

  // ── 接单: departments ──────────────────────────────────────────────────────

  async accept(user: AuthUser, id: number, assignmentId: number): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need, assignments) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      // Conditional update: of two handlers accepting at once, exactly one moves PENDING → ACCEPTED.
      await this.moveAssignment(m, a, 'accept', { acceptedBy: user.id, acceptedAt: this.clock.now() });
      await this.setNeed(m, need, { status: needStatusAfterAssignment('accept', need.status, assignments.map((x) => x.status)) });
      await this.event(m, need.id, user.id, 'ACCEPTED', a.departmentId, null);
    });
  }

  async returnAssignment(user: AuthUser, id: number, assignmentId: number, reason: string): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need, assignments) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      await this.moveAssignment(m, a, 'return', { returnReason: reason });
      await this.setNeed(m, need, { status: needStatusAfterAssignment('return', need.status, assignments.map((x) => x.status)) });
      await this.event(m, need.id, user.id, 'RETURNED', a.departmentId, reason);
      await this.notify(m, await this.committeeStaff(m, need.committeeOrgId), need, 'NEED_RETURNED', '派单被退回', `「${need.title}」被承办部门退回：${reason}。请重新派单或直接答复。`);
    });
  }

  async progress(user: AuthUser, id: number, assignmentId: number, note: string): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need, assignments) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      if (!canAssignment(a.status, 'progress')) throw new AppError('NEED_STATE_INVALID', '请先接单再记录进展');
      await this.setNeed(m, need, {});
      await this.event(m, need.id, user.id, 'PROGRESS', a.departmentId, note);
      await this.notify(m, [need.raisedBy], need, 'NEED_PROGRESS', '需求有新进展', `「${need.title}」：${note}`);
    });
  }

  async resolveAssignment(user: AuthUser, id: number, assignmentId: number, answer: string): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need, assignments) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      const now = this.clock.now();
      await this.moveAssignment(m, a, 'resolve', { answer, resolvedBy: user.id, resolvedAt: now });
      await this.event(m, need.id, user.id, 'RESOLVED', a.departmentId, answer);
      const next = needStatusAfterAssignment('resolve', need.status, assignments.map((x) => x.status));
      if (next !== 'RESOLVED') {
        await this.setNeed(m, need, {});
        return;
      }
      const done = await m.getRepository(NeedAssignmentEntity).find({ where: { needId: need.id, status: 'RESOLVED' }, order: { id: 'ASC' } });
      const names = await this.departmentNames(done.map((x) => x.departmentId));
      const combined = done.map((x) => `${names.get(x.departmentId) ?? ''}：${x.answer ?? ''}`).join('\n');
      await this.setNeed(m, need, { status: next, answer: combined, resolvedAt: now });
      await this.notify(m, [need.raisedBy], need, 'NEED_RESOLVED', '需求已办结', `你提出的「${need.title}」已办结，请确认并评价。`);
    });
  }

  // ── 评价: the raiser ───────────────────────────────────────────────────────

  async rate(user: AuthUser, id: number, rating: number, comment: string | null): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need) => {
      if (need.raisedBy !== user.id) throw new AppError('FORBIDDEN', '只有提出需求的人可以评价');
      const to = this.requireStatus(need, 'rate');
      await this.setNeed(m, need, { status: to, rating, ratingComment: comment, closedAt: this.clock.now() });
      await this.event(m, need.id, user.id, 'RATED', null, `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}${comment ? ` ${comment}` : ''}`);
    });
  }

  async reopen(user: AuthUser, id: number, reason: string): Promise<NeedDetail> {
    return this.mutate(user, id, async (m, need) => {
      if (need.raisedBy !== user.id) throw new AppError('FORBIDDEN', '只有提出需求的人可以重新提出');
      const to = this.requireStatus(need, 'reopen');
      await this.setNeed(m, need, { status: to, resolvedAt: null });
      await this.event(m, need.id, user.id, 'REOPENED', null, reason);
      await this.notify(m, await this.committeeStaff(m, need.committeeOrgId), need, 'NEED_REOPENED', '需求被重新提出', `「${need.title}」企业认为尚未解决：${reason}。请重新派单。`);
    });
  }

  // ── Reading ─────────────────────────────────────────────────────────────────

  async detail(user: AuthUser, id: number): Promise<NeedDetail> {
    const need = await this.dataSource.getRepository(NeedEntity).findOneBy({ id });
    if (!need) throw new AppError('NOT_FOUND');
    const assignments = await this.dataSource.getRepository(NeedAssignmentEntity).find({ where: { needId: id }, order: { id: 'ASC' } });
    if (!(await this.policy.canOnNeed(user, 'need.read', needFacts(need, assignments)))) throw new AppError('NOT_FOUND');
    const events = await this.dataSource.getRepository(NeedEventEntity).find({ where: { needId: id }, order: { id: 'ASC' } });
    const [summary] = await this.summaries(user, [need], assignments);
    const names = await this.departmentNames([...assignments.map((a) => a.departmentId), ...events.map((e) => e.departmentId ?? 0)]);
    const actors = await this.userNames(events.map((e) => e.actorId ?? 0));
    const images = await this.images.byIds(need.imageIds);
    const mergeNotes = await this.mergeNotes(user, events);
    const now = this.clock.now();
    return {
      ...summary,
      description: need.description,
      images: need.imageIds.map((i) => images.get(i)).filter((i) => i !== undefined).map((i) => this.images.respond(i)),
      answer: need.answer,
      resolvedAt: need.resolvedAt ? need.resolvedAt.toISOString() : null,
      ratingComment: need.ratingComment,
      appealId: need.appealId === null ? null : String(need.appealId),
      visitId: need.visitId === null ? null : String(need.visitId),
      mergedIntoId: need.mergedIntoId === null ? null : String(need.mergedIntoId),
      version: need.version,
      assignments: assignments.map((a) => toAssignmentResponse(a, names.get(a.departmentId) ?? '', now, needRelation(user, need))),
      timeline: events.map((e) =>
        toEventResponse(
          mergeNotes.has(e.id) ? { ...e, note: mergeNotes.get(e.id)! } : e,
          e.actorId === null ? null : (actors.get(e.actorId) ?? null),
          e.departmentId === null ? null : (names.get(e.departmentId) ?? null),
        ),
      ),
    };
  }

  /**
   * The notes of MERGED events name the other need. Its title is shown only to a reader who may open that
   * need; others see just its number. Older notes stored the title, so it is taken out again here.
   */
  private async mergeNotes(user: AuthUser, events: NeedEventEntity[]): Promise<Map<number, string>> {
    const result = new Map<number, string>();
    for (const e of events) {
      if (e.kind !== 'MERGED' || !e.note) continue;
      const into = /^并入需求 #(\d+)/.exec(e.note);
      const match = into ?? /^需求 #(\d+)/.exec(e.note);
      if (!match) continue;
      const otherId = Number(match[1]);
      const other = await this.dataSource.getRepository(NeedEntity).findOneBy({ id: otherId });
      const visible = other !== null && (await this.policy.can(user, 'need.read', other.id));
      const title = visible && other ? `「${other.title}」` : '';
      if (into) {
        let rest = e.note.slice(match[0].length);
        if (other && rest.startsWith(`「${other.title}」`)) rest = rest.slice(other.title.length + 2);
        result.set(e.id, `并入需求 #${otherId}${title}${rest}`);
      } else {
        result.set(e.id, title ? `需求 #${otherId}${title}已并入本需求` : `需求 #${otherId} 已并入本需求`);
      }
    }
    return result;
  }

  /** The needs I raised, and those of the enterprises whose Party organisation I am secretary of. */
  async mine(user: AuthUser): Promise<NeedSummary[]> {
    const enterprises = secretaryEnterpriseIds(user, await this.policy.tree());
    const qb = this.dataSource.getRepository(NeedEntity).createQueryBuilder('n').where('n.raisedBy = :me', { me: user.id });
    if (enterprises.length) qb.orWhere('n.enterpriseId IN (:...enterprises)', { enterprises });
    return this.summaries(user, await qb.orderBy('n.id', 'DESC').getMany());
  }

  /** The ledger: admins see all, committee staff their committees'. */
  async ledger(user: AuthUser, q: NeedListQueryDto): Promise<NeedSummary[]> {
    return this.summaries(user, await this.ledgerRows(user, q));
  }

  async departmentAssignments(user: AuthUser): Promise<DepartmentAssignmentItem[]> {
    const departments = departmentIdsOf(user);
    if (departments.length === 0) return [];
    const assignments = await this.dataSource.getRepository(NeedAssignmentEntity).find({ where: { departmentId: In(departments) }, order: { id: 'DESC' } });
    if (assignments.length === 0) return [];
    const needs = await this.dataSource.getRepository(NeedEntity).findBy({ id: In([...new Set(assignments.map((a) => a.needId))]) });
    const all = await this.dataSource.getRepository(NeedAssignmentEntity).findBy({ needId: In(needs.map((n) => n.id)) });
    const summaries = await this.summaries(user, needs, all);
    const names = await this.departmentNames(assignments.map((a) => a.departmentId));
    const now = this.clock.now();
    return assignments.map((a) => ({
      assignment: toAssignmentResponse(a, names.get(a.departmentId) ?? '', now, needRelation(user, needs.find((n) => n.id === a.needId)!)),
      need: summaries.find((s) => s.id === String(a.needId))!,
    }));
  }

  /** The ledger as .xlsx with the same filters; audited. */
  async exportXlsx(user: AuthUser, q: NeedListQueryDto): Promise<{ filename: string; buffer: Buffer }> {
    const rows = await this.ledgerRows(user, q);
    const summaries = await this.summaries(user, rows);
    const columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '企业', key: 'enterprise', width: 20 },
      { header: '标题', key: 'title', width: 30 },
      { header: '类别', key: 'category', width: 10 },
      { header: '紧急程度', key: 'urgency', width: 10 },
      { header: '状态', key: 'status', width: 10 },
      { header: '承办部门', key: 'departments', width: 30 },
      { header: '是否超期', key: 'overdue', width: 10 },
      { header: '提出人', key: 'raiser', width: 10 },
      { header: '提出时间', key: 'createdAt', width: 18 },
      { header: '办结时间', key: 'resolvedAt', width: 18 },
      { header: '评分', key: 'rating', width: 6 },
      { header: '办理结果', key: 'answer', width: 40 },
    ];
    const sheetRows = rows.map((n, i) => {
      const s = summaries[i];
      return {
        id: n.id,
        enterprise: s.enterpriseName,
        title: n.title,
        category: NEED_CATEGORY_LABELS[n.category],
        urgency: NEED_URGENCY_LABELS[n.urgency],
        status: NEED_STATUS_LABELS[n.status],
        departments: s.departments.join('、'),
        overdue: s.overdue ? '是' : '否',
        raiser: s.raisedByName,
        createdAt: formatChinaDateTime(n.createdAt),
        resolvedAt: n.resolvedAt ? formatChinaDateTime(n.resolvedAt) : '',
        rating: n.rating ?? '',
        answer: n.answer ?? '',
      };
    });
    const buffer = await buildSpreadsheet({ name: '需求台账', columns, rows: sheetRows });
    await this.audit.record({ actorId: user.id, action: 'need.export', entityType: 'need', entityId: null, after: { filters: { ...q }, rows: rows.length } });
    return { filename: '需求台账.xlsx', buffer };
  }

  // ── Deadlines and escalation (scheduled) ───────────────────────────────────

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
        await this.event(m, need.id, null, 'REMINDED', a.departmentId, deadlineNote(a.deadline));
        await this.notify(m, await this.departmentHandlers(m, a.departmentId), need, 'NEED_DEADLINE_SOON', '办理期限将至', `「${need.title}」将于 ${formatChinaTime(a.deadline)} 到期，请抓紧办理。`);
        result.reminded++;
      });
    }

    const late = await assignments.find({ where: { status: In([...ACTIVE_ASSIGNMENT_STATUSES]), overdueAt: IsNull(), deadline: LessThanOrEqual(now) } });
    for (const a of late) {
      await this.tx.run(async (m) => {
        const claim = await m.getRepository(NeedAssignmentEntity).update({ id: a.id, overdueAt: IsNull() }, { overdueAt: now });
        if (!claim.affected) return;
        const need = (await m.getRepository(NeedEntity).findOneBy({ id: a.needId }))!;
        const department = (await this.departmentNames([a.departmentId])).get(a.departmentId) ?? '承办部门';
        await this.event(m, need.id, null, 'OVERDUE', a.departmentId, `${deadlineNote(a.deadline)}，当前状态：${ASSIGNMENT_STATUS_LABELS[a.status]}`);
        const people = [...(await this.admins(m)), ...(await this.departmentHandlers(m, a.departmentId)), ...(await this.committeeStaff(m, need.committeeOrgId))];
        await this.notify(m, people, need, 'NEED_OVERDUE', '派单已超期', `「${need.title}」由${department}办理，已超过办理期限（${formatChinaTime(a.deadline)}），请督办。`);
        result.overdue++;
      });
    }

    const staleBefore = new Date(now.getTime() - NEED_LIMITS.staleDays * DAY);
    const stale = await this.dataSource.getRepository(NeedEntity).find({ where: { status: In(OPEN), escalatedAt: IsNull(), lastActivityAt: LessThanOrEqual(staleBefore) } });
    for (const n of stale) {
      await this.tx.run(async (m) => {
        const claim = await m.getRepository(NeedEntity).update({ id: n.id, escalatedAt: IsNull(), lastActivityAt: LessThanOrEqual(staleBefore) }, { escalatedAt: now });
        if (!claim.affected) return;
        await this.event(m, n.id, null, 'ESCALATED', null, `已 ${NEED_LIMITS.staleDays} 天无人处理`);
        await this.notify(m, await this.admins(m), n, 'NEED_ESCALATED', '需求长时间未处理', `「${n.title}」已 ${NEED_LIMITS.staleDays} 天无人处理（当前：${NEED_STATUS_LABELS[n.status]}），请督办。`);
        result.escalated++;
      });
    }
    return result;
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  /**
   * Runs one step on a need in a transaction: the need row is locked (MySQL; SQLite transactions are serial),
   * the caller must be able to see it (else NOT_FOUND), and the step's own checks decide the rest.
   */
  private async mutate(user: AuthUser, id: number, work: (m: EntityManager, need: NeedEntity, assignments: NeedAssignmentEntity[]) => Promise<void>): Promise<NeedDetail> {
    await this.tx.run(async (m) => {
      const need = await forUpdate(m.getRepository(NeedEntity).createQueryBuilder('n').where('n.id = :id', { id })).getOne();
      if (!need) throw new AppError('NOT_FOUND');
      const assignments = await m.getRepository(NeedAssignmentEntity).find({ where: { needId: id }, order: { id: 'ASC' } });
      if (!(await this.policy.canOnNeed(user, 'need.read', needFacts(need, assignments)))) throw new AppError('NOT_FOUND');
      await work(m, need, assignments);
    });
    return this.detail(user, id);
  }

  /** Optimistic: the update only applies to the version that was read; every step bumps it. */
  private async setNeed(m: EntityManager, need: NeedEntity, patch: Partial<NeedEntity>): Promise<void> {
    const now = this.clock.now();
    const result = await m
      .createQueryBuilder()
      .update(NeedEntity)
      .set({ ...patch, lastActivityAt: now, escalatedAt: null, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: need.id, version: need.version })
      .execute();
    if (!result.affected) throw new AppError('CONFLICT');
    Object.assign(need, patch, { version: need.version + 1 });
  }

  /** One step of the assignment state machine, as a compare-and-set on the statuses the step accepts. */
  private async moveAssignment(m: EntityManager, a: NeedAssignmentEntity, event: AssignmentEvent, patch: Partial<NeedAssignmentEntity>): Promise<void> {
    const to = nextAssignment(a.status, event);
    if (to === null) throw new AppError('NEED_STATE_INVALID', `该派单当前为「${ASSIGNMENT_STATUS_LABELS[a.status]}」，不能执行此操作`);
    const result = await m.getRepository(NeedAssignmentEntity).update({ id: a.id, status: In(assignmentStatusesAccepting(event)) }, { ...patch, status: to });
    if (!result.affected) throw new AppError('NEED_STATE_INVALID');
    Object.assign(a, patch, { status: to });
  }

  /** The need state machine's target for `event`, or NEED_STATE_INVALID. */
  private requireStatus(need: NeedEntity, event: NeedEvent): NeedStatus {
    const to = nextNeed(need.status, event);
    if (to === null) throw new AppError('NEED_STATE_INVALID', `需求当前为「${NEED_STATUS_LABELS[need.status]}」，不能执行此操作`);
    return to;
  }

  private requireCommittee(user: AuthUser, need: NeedEntity): void {
    if (!this.isCommittee(user, need)) throw new AppError('FORBIDDEN', '只有本产业党委工作人员可以派单、答复或合并');
  }

  private requireHandler(user: AuthUser, assignments: NeedAssignmentEntity[], assignmentId: number): NeedAssignmentEntity {
    const a = assignments.find((x) => x.id === assignmentId);
    if (!a) throw new AppError('NOT_FOUND');
    if (!departmentIdsOf(user).includes(a.departmentId)) throw new AppError('FORBIDDEN', '只有承办部门可以办理此派单');
    return a;
  }

  private isCommittee(user: AuthUser, need: NeedEntity): boolean {
    return needRelation(user, need).isCommittee;
  }

  /** The caller's own enterprise, one they are secretary for, or (admins) any. */
  private async enterpriseFor(user: AuthUser, requested: number | null): Promise<number> {
    if (requested !== null) {
      if (await this.policy.can(user, 'enterprise.raise-need', requested)) return requested;
      throw new AppError('NEED_NO_ENTERPRISE');
    }
    const allowed = [...(user.enterpriseId !== null ? [user.enterpriseId] : []), ...secretaryEnterpriseIds(user, await this.policy.tree())];
    if (allowed.length === 0) throw new AppError('NEED_NO_ENTERPRISE');
    return allowed[0];
  }

  private async ledgerRows(user: AuthUser, q: NeedListQueryDto): Promise<NeedEntity[]> {
    const qb = this.dataSource.getRepository(NeedEntity).createQueryBuilder('n');
    if (!user.isAdmin) {
      const committees = orgIdsWithRole(user, 'COMMITTEE');
      if (committees.length === 0) return [];
      qb.andWhere('n.committeeOrgId IN (:...committees)', { committees });
    }
    if (q.status) qb.andWhere('n.status = :status', { status: q.status });
    if (q.category) qb.andWhere('n.category = :category', { category: q.category });
    if (q.chainId) qb.andWhere('n.chainId = :chainId', { chainId: Number(q.chainId) });
    if (q.departmentId) {
      qb.andWhere('EXISTS (SELECT 1 FROM need_assignments da WHERE da.needId = n.id AND da.departmentId = :departmentId)', { departmentId: Number(q.departmentId) });
    }
    if (q.overdue !== undefined) {
      const clause = "EXISTS (SELECT 1 FROM need_assignments oa WHERE oa.needId = n.id AND oa.status IN (:...activeAssignment) AND oa.deadline <= :now)";
      qb.andWhere(q.overdue ? clause : `NOT ${clause}`, { now: this.clock.now(), activeAssignment: [...ACTIVE_ASSIGNMENT_STATUSES] });
    }
    return qb.orderBy('n.id', 'DESC').getMany();
  }

  private async summaries(user: AuthUser, needs: NeedEntity[], known?: NeedAssignmentEntity[]): Promise<NeedSummary[]> {
    if (needs.length === 0) return [];
    const ids = needs.map((n) => n.id);
    const assignments = known ?? (await this.dataSource.getRepository(NeedAssignmentEntity).findBy({ needId: In(ids) }));
    const [enterprises, users, departments] = await Promise.all([
      this.dataSource.getRepository(EnterpriseEntity).findBy({ id: In([...new Set(needs.map((n) => n.enterpriseId))]) }),
      this.userNames(needs.map((n) => n.raisedBy)),
      this.departmentNames(assignments.map((a) => a.departmentId)),
    ]);
    const now = this.clock.now();
    return needs.map((n) =>
      toNeedSummary(n, {
        enterpriseName: enterprises.find((e) => e.id === n.enterpriseId)?.name ?? '',
        raisedByName: users.get(n.raisedBy) ?? '',
        assignments: assignments.filter((a) => a.needId === n.id),
        departmentNames: departments,
        now,
        relation: needRelation(user, n),
      }),
    );
  }

  private async departmentNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((i) => i > 0))];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(DepartmentEntity).findBy({ id: In(unique) });
    return new Map(rows.map((d) => [d.id, d.name]));
  }

  private async userNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((i) => i > 0))];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(UserEntity).find({ select: { id: true, name: true }, where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  private async event(m: EntityManager, needId: number, actorId: number | null, kind: NeedEventKind, departmentId: number | null, note: string | null): Promise<void> {
    await m.getRepository(NeedEventEntity).insert({ needId, actorId, kind, departmentId, note: note || null });
  }

  private async grantHolders(m: EntityManager, where: { role: RoleGrantEntity['role']; orgId?: number; departmentId?: number }): Promise<number[]> {
    return (await m.getRepository(RoleGrantEntity).findBy(where)).map((g) => g.userId);
  }

  private committeeStaff(m: EntityManager, orgId: number): Promise<number[]> {
    return this.grantHolders(m, { role: 'COMMITTEE', orgId });
  }

  private departmentHandlers(m: EntityManager, departmentId: number): Promise<number[]> {
    return this.grantHolders(m, { role: 'DEPARTMENT', departmentId });
  }

  private admins(m: EntityManager): Promise<number[]> {
    return this.grantHolders(m, { role: 'ADMIN' });
  }

  private async notify(m: EntityManager, userIds: number[], need: NeedEntity, kind: NotificationKind, title: string, body: string): Promise<void> {
    if (userIds.length === 0) return;
    await this.notifications.notify(m, userIds, { kind, title, body, link: `/pages/need-detail/index?id=${need.id}` });
  }
}
