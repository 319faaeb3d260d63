import {
  NEED_STATUS_LABELS,
  allowedAssignmentActions,
  allowedNeedActions,
  isAssignmentActive,
  type NeedAssignmentResponse,
  type NeedEventResponse,
  type NeedRelation,
  type NeedSummary,
} from '@torch-red/shared';
import { formatChinaTime } from '../../common/clock';
import { toIso } from '../../database/sql-time';
import type { NeedAssignmentEntity } from './need-assignment.entity';
import type { NeedEventEntity } from './need-event.entity';
import type { NeedEntity } from './need.entity';

export function isOverdue(a: NeedAssignmentEntity, now: Date): boolean {
  return isAssignmentActive(a.status) && a.deadline.getTime() <= now.getTime();
}

/** `relation`: how the caller stands to the need, for what they may do with this assignment. */
export function toAssignmentResponse(a: NeedAssignmentEntity, departmentName: string, now: Date, relation: NeedRelation<number>): NeedAssignmentResponse {
  return {
    id: String(a.id),
    departmentId: String(a.departmentId),
    departmentName,
    deadline: toIso(a.deadline),
    status: a.status,
    overdue: isOverdue(a, now),
    returnReason: a.returnReason,
    answer: a.answer,
    acceptedAt: toIso(a.acceptedAt),
    resolvedAt: toIso(a.resolvedAt),
    ...allowedAssignmentActions(a, relation),
  };
}

export interface SummaryContext {
  enterpriseName: string;
  raisedByName: string;
  assignments: NeedAssignmentEntity[];
  departmentNames: Map<number, string>;
  now: Date;
  /** How the caller stands to the need, for what they may do next. */
  relation: NeedRelation<number>;
}

export function toNeedSummary(n: NeedEntity, c: SummaryContext): NeedSummary {
  const live = c.assignments.filter((a) => a.status !== 'CANCELLED');
  return {
    id: String(n.id),
    title: n.title,
    category: n.category,
    urgency: n.urgency,
    status: n.status,
    statusLabel: NEED_STATUS_LABELS[n.status],
    enterpriseId: String(n.enterpriseId),
    enterpriseName: c.enterpriseName,
    chainId: String(n.chainId),
    raisedByName: c.raisedByName,
    departments: [...new Set(live.map((a) => c.departmentNames.get(a.departmentId) ?? ''))],
    overdue: live.some((a) => isOverdue(a, c.now)),
    rating: n.rating,
    isSample: n.isSample,
    createdAt: toIso(n.createdAt),
    ...allowedNeedActions({ status: n.status, assignments: c.assignments }, c.relation),
  };
}

/** What happened, in plain Chinese, for everyone who may see the need. */
export function describeEvent(e: NeedEventEntity, actorName: string | null, departmentName: string | null): string {
  const who = actorName ?? '系统';
  const dept = departmentName ?? '承办部门';
  switch (e.kind) {
    case 'RAISED':
      return `${who}提交了需求`;
    case 'DISPATCHED':
      return `${who}将需求派给${dept}办理`;
    case 'ANSWERED':
      return `产业党委（${who}）直接答复了需求`;
    case 'MERGED':
      return `${who}将相同的需求合并办理`;
    case 'ACCEPTED':
      return `${dept}已接单，正在办理`;
    case 'RETURNED':
      return `${dept}退回了需求，等待产业党委重新派单`;
    case 'PROGRESS':
      return `${dept}更新了办理进展`;
    case 'RESOLVED':
      return `${dept}已办结`;
    case 'RATED':
      return `${who}确认办结并作出评价`;
    case 'REOPENED':
      return `${who}认为问题尚未解决，重新提出`;
    case 'REMINDED':
      return `系统提醒${dept}：办理期限将至`;
    case 'OVERDUE':
      return `${dept}已超过办理期限，已上报管理员督办`;
    case 'ESCALATED':
      return '需求长时间无人处理，已上报管理员督办';
    default: {
      const unhandled: never = e.kind;
      return String(unhandled);
    }
  }
}

export function toEventResponse(e: NeedEventEntity, actorName: string | null, departmentName: string | null): NeedEventResponse {
  return { id: String(e.id), kind: e.kind, actorName, text: describeEvent(e, actorName, departmentName), note: e.note, at: toIso(e.createdAt) };
}

export function deadlineNote(deadline: Date): string {
  return `办理期限：${formatChinaTime(deadline)}`;
}
