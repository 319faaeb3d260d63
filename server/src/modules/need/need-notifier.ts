import { Injectable } from '@nestjs/common';
import { ASSIGNMENT_STATUS_LABELS, NEED_CATEGORY_LABELS, NEED_LIMITS, NEED_STATUS_LABELS, NEED_URGENCY_LABELS, type NeedEventKind, type NotificationKind } from '@torch-red/shared';
import type { EntityManager } from 'typeorm';
import { formatChinaTime } from '../../common/clock';
import { NotificationService } from '../notification/notification.service';
import { PeopleDirectory } from '../user/people-directory.service';
import type { NeedAssignmentEntity } from './need-assignment.entity';
import { NeedEventEntity } from './need-event.entity';
import { deadlineNote } from './need.mapper';
import type { NeedEntity } from './need.entity';

type Need = Pick<NeedEntity, 'id' | 'title' | 'raisedBy' | 'committeeOrgId'>;

/** Appends a line to a need's timeline, inside the caller's transaction. */
export async function recordNeedEvent(m: EntityManager, needId: number, actorId: number | null, kind: NeedEventKind, departmentId: number | null, note: string | null): Promise<void> {
  await m.getRepository(NeedEventEntity).insert({ needId, actorId, kind, departmentId, note: note || null });
}

/** Who hears of each step of a need, and what they read; every message is written in the caller's transaction. */
@Injectable()
export class NeedNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly people: PeopleDirectory,
  ) {}

  async raised(m: EntityManager, need: Need & Pick<NeedEntity, 'category' | 'urgency'>, enterpriseName: string): Promise<void> {
    await this.send(m, await this.committeeStaff(m, need.committeeOrgId), need, 'NEED_RAISED', '新需求待派单', `${enterpriseName}提出「${need.title}」（${NEED_CATEGORY_LABELS[need.category]}·${NEED_URGENCY_LABELS[need.urgency]}），请及时派单。`);
  }

  async assigned(m: EntityManager, need: Need, departmentId: number, deadline: Date): Promise<void> {
    await this.send(m, await this.departmentHandlers(m, departmentId), need, 'NEED_ASSIGNED', '有新的派单', `「${need.title}」已派给你部门办理，${deadlineNote(deadline)}。请及时接单。`);
  }

  async dispatched(m: EntityManager, need: Need, departmentNames: string[]): Promise<void> {
    await this.send(m, [need.raisedBy], need, 'NEED_PROGRESS', '需求已派单', `你提出的「${need.title}」已派给${departmentNames.join('、')}办理。`);
  }

  async answered(m: EntityManager, need: Need): Promise<void> {
    await this.send(m, [need.raisedBy], need, 'NEED_RESOLVED', '需求已答复', `你提出的「${need.title}」已有答复，请确认并评价。`);
  }

  async merged(m: EntityManager, need: Need): Promise<void> {
    await this.send(m, [need.raisedBy], need, 'NEED_PROGRESS', '需求已合并办理', `你提出的「${need.title}」与相同需求合并办理，可在原需求中查看进展。`);
  }

  async returned(m: EntityManager, need: Need, reason: string): Promise<void> {
    await this.send(m, await this.committeeStaff(m, need.committeeOrgId), need, 'NEED_RETURNED', '派单被退回', `「${need.title}」被承办部门退回：${reason}。请重新派单或直接答复。`);
  }

  async progressed(m: EntityManager, need: Need, note: string): Promise<void> {
    await this.send(m, [need.raisedBy], need, 'NEED_PROGRESS', '需求有新进展', `「${need.title}」：${note}`);
  }

  async resolved(m: EntityManager, need: Need): Promise<void> {
    await this.send(m, [need.raisedBy], need, 'NEED_RESOLVED', '需求已办结', `你提出的「${need.title}」已办结，请确认并评价。`);
  }

  async reopened(m: EntityManager, need: Need, reason: string): Promise<void> {
    await this.send(m, await this.committeeStaff(m, need.committeeOrgId), need, 'NEED_REOPENED', '需求被重新提出', `「${need.title}」企业认为尚未解决：${reason}。请重新派单。`);
  }

  async deadlineSoon(m: EntityManager, need: Need, a: NeedAssignmentEntity): Promise<void> {
    await this.send(m, await this.departmentHandlers(m, a.departmentId), need, 'NEED_DEADLINE_SOON', '办理期限将至', `「${need.title}」将于 ${formatChinaTime(a.deadline)} 到期，请抓紧办理。`);
  }

  async overdue(m: EntityManager, need: Need, a: NeedAssignmentEntity, departmentName: string): Promise<void> {
    const people = [...(await this.admins(m)), ...(await this.departmentHandlers(m, a.departmentId)), ...(await this.committeeStaff(m, need.committeeOrgId))];
    await this.send(m, people, need, 'NEED_OVERDUE', '派单已超期', `「${need.title}」由${departmentName}办理，已超过办理期限（${formatChinaTime(a.deadline)}），请督办。`);
  }

  async escalated(m: EntityManager, need: Need & Pick<NeedEntity, 'status'>): Promise<void> {
    await this.send(m, await this.admins(m), need, 'NEED_ESCALATED', '需求长时间未处理', `「${need.title}」已 ${NEED_LIMITS.staleDays} 天无人处理（当前：${NEED_STATUS_LABELS[need.status]}），请督办。`);
  }

  /** The overdue note in the timeline (kept beside the message it goes with). */
  overdueNote(a: NeedAssignmentEntity): string {
    return `${deadlineNote(a.deadline)}，当前状态：${ASSIGNMENT_STATUS_LABELS[a.status]}`;
  }

  private committeeStaff(m: EntityManager, orgId: number): Promise<number[]> {
    return this.people.holders('COMMITTEE', { orgIds: [orgId] }, m);
  }

  private departmentHandlers(m: EntityManager, departmentId: number): Promise<number[]> {
    return this.people.holders('DEPARTMENT', { departmentId }, m);
  }

  private admins(m: EntityManager): Promise<number[]> {
    return this.people.holders('ADMIN', {}, m);
  }

  private async send(m: EntityManager, userIds: number[], need: Need, kind: NotificationKind, title: string, body: string): Promise<void> {
    if (userIds.length === 0) return;
    await this.notifications.notify(m, userIds, { kind, title, body, link: `/pages/need-detail/index?id=${need.id}` });
  }
}
