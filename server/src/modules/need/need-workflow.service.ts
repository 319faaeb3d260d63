import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASSIGNMENT_STATUS_LABELS,
  NEED_STATUS_LABELS,
  assignmentStatusesAccepting,
  canAssignment,
  isAssignmentActive,
  isNeedOpen,
  needStatusAfterAssignment,
  nextAssignment,
  nextNeed,
  type AssignmentEvent,
  type NeedDetail,
  type NeedEvent,
  type NeedStatus,
} from '@torch-red/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import { AccessPolicy } from '../access/access-policy.service';
import type { NeedFacts } from '../access/permissions';
import { OrgDirectory } from '../org/org-directory.service';
import type { DispatchNeedDto } from './dto/need.dto';
import { NeedAssignmentEntity } from './need-assignment.entity';
import { NeedNotifier, recordNeedEvent } from './need-notifier';
import { NeedQueryService } from './need-query.service';
import { needFacts } from './need-relation';
import { deadlineNote } from './need.mapper';
import { NeedEntity } from './need.entity';

interface Step {
  m: EntityManager;
  need: NeedEntity;
  assignments: NeedAssignmentEntity[];
  facts: NeedFacts;
}

/**
 * Every step of a need after it is raised: 派单 (dispatch, answer, merge) by the committee, 接单 → 办结 by
 * departments, 评价 (rate, reopen) by the raiser. The state machines in shared/need-state.ts say which step
 * may follow which; the access policy says who may take it.
 */
@Injectable()
export class NeedWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly notifier: NeedNotifier,
    private readonly query: NeedQueryService,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  // ── 派单: the committee ────────────────────────────────────────────────────

  async dispatch(user: AuthUser, id: number, dto: DispatchNeedDto): Promise<NeedDetail> {
    const now = this.clock.now();
    const departmentIds = dto.assignments.map((a) => Number(a.departmentId));
    if (new Set(departmentIds).size !== departmentIds.length) throw new AppError('VALIDATION_FAILED', '同一部门只能派一次', [{ field: 'assignments', message: '同一部门只能派一次' }]);
    const departments = [...(await this.orgDirectory.departments(departmentIds)).values()];
    if (departments.length !== departmentIds.length) throw new AppError('VALIDATION_FAILED', '承办部门不存在', [{ field: 'assignments', message: '承办部门不存在' }]);
    const deadlines = dto.assignments.map((a) => new Date(a.deadline));
    if (deadlines.some((d) => d.getTime() <= now.getTime())) throw new AppError('VALIDATION_FAILED', '办理期限必须晚于现在', [{ field: 'deadline', message: '办理期限必须晚于现在' }]);
    return this.step(user, id, async ({ m, need, assignments, facts }) => {
      await this.requireCommittee(user, facts);
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
        await recordNeedEvent(m, need.id, user.id, 'DISPATCHED', departmentId, [deadlineNote(deadlines[i]), dto.note].filter(Boolean).join('；'));
        await this.notifier.assigned(m, need, departmentId, deadlines[i]);
      }
      await this.setNeed(m, need, { status: to });
      await this.notifier.dispatched(m, need, departments.map((d) => d.name));
    });
  }

  async answer(user: AuthUser, id: number, answer: string): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, facts }) => {
      await this.requireCommittee(user, facts);
      const to = this.requireStatus(need, 'answer');
      await this.setNeed(m, need, { status: to, answer, resolvedAt: this.clock.now() });
      await recordNeedEvent(m, need.id, user.id, 'ANSWERED', null, answer);
      await this.notifier.answered(m, need);
    });
  }

  async merge(user: AuthUser, id: number, targetId: number, note: string | null): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, assignments, facts }) => {
      await this.requireCommittee(user, facts);
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
      await recordNeedEvent(m, need.id, user.id, 'MERGED', null, [`并入需求 #${target.id}`, note].filter(Boolean).join('；'));
      await recordNeedEvent(m, target.id, user.id, 'MERGED', null, `需求 #${need.id} 已并入本需求`);
      await this.notifier.merged(m, need);
    });
  }

  // ── 接单: departments ──────────────────────────────────────────────────────

  async accept(user: AuthUser, id: number, assignmentId: number): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, assignments }) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      // Conditional update: of two handlers accepting at once, exactly one moves PENDING → ACCEPTED.
      await this.moveAssignment(m, a, 'accept', { acceptedBy: user.id, acceptedAt: this.clock.now() });
      await this.setNeed(m, need, { status: needStatusAfterAssignment('accept', need.status, assignments.map((x) => x.status)) });
      await recordNeedEvent(m, need.id, user.id, 'ACCEPTED', a.departmentId, null);
    });
  }

  async returnAssignment(user: AuthUser, id: number, assignmentId: number, reason: string): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, assignments }) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      await this.moveAssignment(m, a, 'return', { returnReason: reason });
      await this.setNeed(m, need, { status: needStatusAfterAssignment('return', need.status, assignments.map((x) => x.status)) });
      await recordNeedEvent(m, need.id, user.id, 'RETURNED', a.departmentId, reason);
      await this.notifier.returned(m, need, reason);
    });
  }

  async progress(user: AuthUser, id: number, assignmentId: number, note: string): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, assignments }) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      if (!canAssignment(a.status, 'progress')) throw new AppError('NEED_STATE_INVALID', '请先接单再记录进展');
      await this.setNeed(m, need, {});
      await recordNeedEvent(m, need.id, user.id, 'PROGRESS', a.departmentId, note);
      await this.notifier.progressed(m, need, note);
    });
  }

  async resolveAssignment(user: AuthUser, id: number, assignmentId: number, answer: string): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, assignments }) => {
      const a = this.requireHandler(user, assignments, assignmentId);
      const now = this.clock.now();
      await this.moveAssignment(m, a, 'resolve', { answer, resolvedBy: user.id, resolvedAt: now });
      await recordNeedEvent(m, need.id, user.id, 'RESOLVED', a.departmentId, answer);
      const next = needStatusAfterAssignment('resolve', need.status, assignments.map((x) => x.status));
      if (next !== 'RESOLVED') {
        await this.setNeed(m, need, {});
        return;
      }
      const done = await m.getRepository(NeedAssignmentEntity).find({ where: { needId: need.id, status: 'RESOLVED' }, order: { id: 'ASC' } });
      const names = await this.query.departmentNames(done.map((x) => x.departmentId));
      const combined = done.map((x) => `${names.get(x.departmentId) ?? ''}：${x.answer ?? ''}`).join('\n');
      await this.setNeed(m, need, { status: next, answer: combined, resolvedAt: now });
      await this.notifier.resolved(m, need);
    });
  }

  // ── 评价: the raiser ───────────────────────────────────────────────────────

  async rate(user: AuthUser, id: number, rating: number, comment: string | null): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, facts }) => {
      await this.requireRaiser(user, facts, '只有提出需求的人可以评价');
      const to = this.requireStatus(need, 'rate');
      await this.setNeed(m, need, { status: to, rating, ratingComment: comment, closedAt: this.clock.now() });
      await recordNeedEvent(m, need.id, user.id, 'RATED', null, `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}${comment ? ` ${comment}` : ''}`);
    });
  }

  async reopen(user: AuthUser, id: number, reason: string): Promise<NeedDetail> {
    return this.step(user, id, async ({ m, need, facts }) => {
      await this.requireRaiser(user, facts, '只有提出需求的人可以重新提出');
      const to = this.requireStatus(need, 'reopen');
      await this.setNeed(m, need, { status: to, resolvedAt: null });
      await recordNeedEvent(m, need.id, user.id, 'REOPENED', null, reason);
      await this.notifier.reopened(m, need, reason);
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  /**
   * Runs one step on a need in a transaction: the need row is locked (MySQL; SQLite transactions are serial),
   * the caller must be able to see it (else NOT_FOUND), and the step's own checks decide the rest.
   */
  private async step(user: AuthUser, id: number, work: (step: Step) => Promise<void>): Promise<NeedDetail> {
    await this.tx.run(async (m) => {
      const need = await forUpdate(m.getRepository(NeedEntity).createQueryBuilder('n').where('n.id = :id', { id })).getOne();
      if (!need) throw new AppError('NOT_FOUND');
      const assignments = await m.getRepository(NeedAssignmentEntity).find({ where: { needId: id }, order: { id: 'ASC' } });
      const facts = needFacts(need, assignments);
      if (!(await this.policy.canOnNeed(user, 'need.read', facts))) throw new AppError('NOT_FOUND');
      await work({ m, need, assignments, facts });
    });
    return this.query.detail(user, id);
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

  private async requireCommittee(user: AuthUser, facts: NeedFacts): Promise<void> {
    if (!(await this.policy.canOnNeed(user, 'need.committee', facts))) throw new AppError('FORBIDDEN', '只有本产业党委工作人员可以派单、答复或合并');
  }

  private async requireRaiser(user: AuthUser, facts: NeedFacts, message: string): Promise<void> {
    if (!(await this.policy.canOnNeed(user, 'need.confirm', facts))) throw new AppError('FORBIDDEN', message);
  }

  private requireHandler(user: AuthUser, assignments: NeedAssignmentEntity[], assignmentId: number): NeedAssignmentEntity {
    const a = assignments.find((x) => x.id === assignmentId);
    if (!a) throw new AppError('NOT_FOUND');
    if (!this.policy.canOnAssignment(user, 'assignment.handle', a)) throw new AppError('FORBIDDEN', '只有承办部门可以办理此派单');
    return a;
  }
}
