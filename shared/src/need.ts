import type { PageQuery } from './common';
import type { ImageResponse } from './media';
import type { AssignmentActions, NeedActions } from './need-state';

/** 企业吹哨、部门报到: the needs ledger (需求+问题台账). */

export const NEED_CATEGORIES = ['RAW_MATERIALS', 'PERMITS', 'WORKING_CAPITAL', 'TALENT', 'TECHNOLOGY', 'POLICY', 'OTHER'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_CATEGORY_LABELS: Record<NeedCategory, string> = {
  RAW_MATERIALS: '原料供应',
  PERMITS: '手续办理',
  WORKING_CAPITAL: '流动资金',
  TALENT: '人才引进',
  TECHNOLOGY: '技术合作',
  POLICY: '政策咨询',
  OTHER: '其他',
};

export const NEED_URGENCIES = ['NORMAL', 'URGENT', 'CRITICAL'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];

export const NEED_URGENCY_LABELS: Record<NeedUrgency, string> = { NORMAL: '一般', URGENT: '紧急', CRITICAL: '特急' };

/**
 * SUBMITTED (待派单) → DISPATCHED (已派单, waiting for a department) → IN_PROGRESS (办理中) → RESOLVED (已办结, waiting
 * for the raiser) → CLOSED (已评价). RESOLVED → SUBMITTED on reopen; SUBMITTED/DISPATCHED → MERGED (已合并).
 */
export const NEED_STATUSES = ['SUBMITTED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'MERGED'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  SUBMITTED: '待派单',
  DISPATCHED: '待接单',
  IN_PROGRESS: '办理中',
  RESOLVED: '待评价',
  CLOSED: '已办结',
  MERGED: '已合并',
};

export const ASSIGNMENT_STATUSES = ['PENDING', 'ACCEPTED', 'RETURNED', 'RESOLVED', 'CANCELLED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  PENDING: '待接单',
  ACCEPTED: '办理中',
  RETURNED: '已退回',
  RESOLVED: '已办结',
  CANCELLED: '已撤销',
};

export const NEED_EVENT_KINDS = [
  'RAISED',
  'DISPATCHED',
  'ANSWERED',
  'MERGED',
  'ACCEPTED',
  'RETURNED',
  'PROGRESS',
  'RESOLVED',
  'RATED',
  'REOPENED',
  'REMINDED',
  'OVERDUE',
  'ESCALATED',
] as const;
export type NeedEventKind = (typeof NEED_EVENT_KINDS)[number];

export const NEED_LIMITS = {
  maxImages: 9,
  maxAssignments: 14,
  /** A deadline this close (hours) gets one reminder to the department. */
  reminderHoursBefore: 24,
  /** A need nobody touched for this many days is escalated to the admins. */
  staleDays: 5,
} as const;

export interface RaiseNeedRequest {
  /** Defaults to the caller's enterprise. */
  enterpriseId?: string | null;
  category: NeedCategory;
  urgency: NeedUrgency;
  title: string;
  description: string;
  imageIds?: string[];
}

export interface DispatchItem {
  departmentId: string;
  deadline: string;
}

export interface DispatchNeedRequest {
  assignments: DispatchItem[];
  note?: string | null;
}

export interface AnswerNeedRequest {
  answer: string;
}

export interface MergeNeedRequest {
  targetNeedId: string;
  note?: string | null;
}

export interface NoteRequest {
  note: string;
}

export interface RateNeedRequest {
  rating: number;
  comment?: string | null;
}

/** The ledger's filters, and its page (the export ignores the page). */
export interface NeedListQuery extends PageQuery {
  status?: NeedStatus;
  category?: NeedCategory;
  chainId?: string;
  departmentId?: string;
  overdue?: boolean;
}

/** One department's 派单, with what the caller may do next with it. */
export interface NeedAssignmentResponse extends AssignmentActions {
  id: string;
  departmentId: string;
  departmentName: string;
  deadline: string;
  status: AssignmentStatus;
  overdue: boolean;
  returnReason: string | null;
  answer: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
}

export interface NeedEventResponse {
  id: string;
  kind: NeedEventKind;
  actorName: string | null;
  /** Plain Chinese: what happened, for the raiser to read. */
  text: string;
  note: string | null;
  at: string;
}

/** A need, with what the caller may do next with it (see need-state.ts). */
export interface NeedSummary extends NeedActions {
  id: string;
  title: string;
  category: NeedCategory;
  urgency: NeedUrgency;
  status: NeedStatus;
  statusLabel: string;
  enterpriseId: string;
  enterpriseName: string;
  chainId: string;
  raisedByName: string;
  departments: string[];
  overdue: boolean;
  rating: number | null;
  isSample: boolean;
  createdAt: string;
}

export interface NeedDetail extends NeedSummary {
  description: string;
  images: ImageResponse[];
  answer: string | null;
  resolvedAt: string | null;
  ratingComment: string | null;
  appealId: string | null;
  visitId: string | null;
  mergedIntoId: string | null;
  version: number;
  assignments: NeedAssignmentResponse[];
  timeline: NeedEventResponse[];
}

export interface DepartmentAssignmentItem {
  assignment: NeedAssignmentResponse;
  need: NeedSummary;
}

export interface DeadlineRunResult {
  reminded: number;
  overdue: number;
  escalated: number;
}

// ── Instructor visits (党建指导员走访) ─────────────────────────────────────────

export interface SetInstructorEnterprisesRequest {
  enterpriseIds: string[];
}

export interface VisitProblemInput {
  title: string;
  description: string;
  category: NeedCategory;
  urgency?: NeedUrgency;
  /** Raise this problem as a need on the enterprise's behalf. */
  raiseNeed?: boolean;
}

export interface LogVisitRequest {
  enterpriseId: string;
  /** China date, 2026-11-27. */
  visitedOn: string;
  peopleMet: string;
  discussed: string;
  problems: VisitProblemInput[];
}

export interface VisitResponse {
  id: string;
  instructorId: string;
  instructorName: string;
  enterpriseId: string;
  enterpriseName: string;
  visitedOn: string;
  peopleMet: string;
  discussed: string;
  problems: Array<{ title: string; description: string; category: NeedCategory; needId: string | null }>;
  createdAt: string;
}

export interface InstructorEnterpriseItem {
  enterpriseId: string;
  enterpriseName: string;
  chainName: string | null;
  lastVisitedOn: string | null;
  visitCount: number;
}

// ── Dashboard (数据看板) ───────────────────────────────────────────────────────

/** Each figure of the board as defined (DASHBOARD_FIGURES says how it is counted, shown as its ⓘ line). */
export interface DashboardFigures {
  orgs: number;
  /** Enterprises on a chain: the same count as the home page's chain map (链主 + 核心 + 成员). */
  chainEnterprises: number;
  leaderEnterprises: number;
  coreEnterprises: number;
  memberEnterprises: number;
  /** Chain enterprises with at least one Party organisation (so ≤ chainEnterprises). */
  enterprisesCovered: number;
  partyMembers: number;
  /** Published (not cancelled) activities, upcoming ones included. */
  activitiesPublished: number;
  /** Published activities that have started, or where someone has already checked in (so ≤ activitiesPublished). */
  activitiesHeld: number;
  /** Confirmed registrations to published activities. */
  registrations: number;
  /** Check-ins at published activities (each counts its activity as held). */
  attendance: number;
  studyParticipants: number;
  visits: number;
  needsRaised: number;
  needsResolved: number;
  needsOverdue: number;
  /** Hours from raising to resolution, averaged over resolved needs; null when none. */
  avgHandlingHours: number | null;
  /** Average rating 1–5; null when nothing was rated. */
  satisfaction: number | null;
  ratedCount: number;
}

type DashboardCount = Exclude<keyof DashboardFigures, 'avgHandlingHours' | 'satisfaction'>;

/** Label, unit and the one-line definition (ⓘ) of each counted figure; the board shows them as they are here. */
export const DASHBOARD_FIGURES: Record<DashboardCount, { label: string; unit: string; hint: string }> = {
  orgs: { label: '企业党组织', unit: '个', hint: '设在企业中的党组织（党委、党总支、党支部）个数' },
  chainEnterprises: { label: '链上企业', unit: '家', hint: '登记在产业链上的企业，与首页产业链图谱的企业数一致' },
  leaderEnterprises: { label: '链主企业', unit: '家', hint: '产业链上链主企业数' },
  coreEnterprises: { label: '核心企业', unit: '家', hint: '产业链上核心企业数' },
  memberEnterprises: { label: '成员企业', unit: '家', hint: '产业链上其余成员企业数' },
  enterprisesCovered: { label: '已建党组织企业', unit: '家', hint: '链上企业中已建立党组织的企业数（不超过链上企业数）' },
  partyMembers: { label: '党员', unit: '名', hint: '在链上企业工作的正式党员和预备党员' },
  activitiesPublished: { label: '已发布活动', unit: '场', hint: '已发布且未取消的活动，含尚未开始的' },
  activitiesHeld: { label: '已开展活动', unit: '场', hint: '已发布活动中已经开始或已有人签到的' },
  registrations: { label: '报名人次', unit: '人次', hint: '已发布活动中报名成功（已确认）的人次' },
  attendance: { label: '签到人次', unit: '人次', hint: '已发布活动中现场签到的人次' },
  studyParticipants: { label: '本周参与学习', unit: '人', hint: '本周获得学习积分的链上企业人员' },
  visits: { label: '指导员走访', unit: '次', hint: '党建指导员记录的走访次数（累计）' },
  needsRaised: { label: '企业吹哨', unit: '件', hint: '企业提出的需求（累计）' },
  needsResolved: { label: '办结需求', unit: '件', hint: '已办结或已关闭的需求' },
  needsOverdue: { label: '超期未办结', unit: '件', hint: '有承办部门超过办理期限仍未办结的需求' },
  ratedCount: { label: '评价', unit: '条', hint: '企业对办结需求的评价条数' },
};

export interface DashboardResponse {
  total: DashboardFigures;
  chains: Array<{ chainId: string; chainName: string; figures: DashboardFigures }>;
  generatedAt: string;
}
