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
  /** The need's description, cut to NEED_CARD_EXCERPT characters (… when cut). */
  excerpt: string;
  /** Up to three of the need's photos, for thumbnails (open the detail for all). */
  thumbnails: ImageResponse[];
  /** What the committee wrote to this department when dispatching, if anything. */
  dispatchNote: string | null;
}

/** Characters of a need's description shown on a 部门报到 card. */
export const NEED_CARD_EXCERPT = 80;

/** Who raised a need and how to call them: revealed to the handling department on tap, audited. */
export interface NeedContactResponse {
  name: string;
  enterpriseName: string;
  /** The full number; null when the person has not bound one. */
  phone: string | null;
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

/** One 党建指导员 in the admin list. */
export interface InstructorSummary {
  id: string;
  name: string;
  enterpriseCount: number;
  visitCount: number;
  lastVisitedOn: string | null;
}

export interface InstructorEnterpriseItem {
  enterpriseId: string;
  enterpriseName: string;
  chainName: string | null;
  lastVisitedOn: string | null;
  visitCount: number;
}

// ── Dashboard (数据看板) ───────────────────────────────────────────────────────

/** Each figure of the board as defined (the board's DASHBOARD_FIGURES, miniapp features/need, is its ⓘ line). */
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

export interface DashboardResponse {
  total: DashboardFigures;
  chains: Array<{ chainId: string; chainName: string; figures: DashboardFigures }>;
  generatedAt: string;
}
