import type { Page, PageQuery } from './common';
import type { ImageResponse } from './media';

/** 组织生活: 三会一课, 主题党日, 组织生活会 and 民主评议党员 — records, attendance, minutes, on-time compliance. */

export const MEETING_KINDS = [
  'PARTY_CONGRESS',
  'BRANCH_COMMITTEE',
  'PARTY_GROUP',
  'PARTY_LECTURE',
  'THEME_DAY',
  'LIFE_MEETING',
  'DEMOCRATIC_REVIEW',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  PARTY_CONGRESS: '支部党员大会',
  BRANCH_COMMITTEE: '支部委员会会议',
  PARTY_GROUP: '党小组会',
  PARTY_LECTURE: '党课',
  THEME_DAY: '主题党日',
  LIFE_MEETING: '组织生活会',
  DEMOCRATIC_REVIEW: '民主评议党员',
};

export const MEETING_PERIOD_UNITS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type MeetingPeriodUnit = (typeof MEETING_PERIOD_UNITS)[number];

export const MEETING_PERIOD_UNIT_LABELS: Record<MeetingPeriodUnit, string> = {
  MONTH: '每月',
  QUARTER: '每季度',
  YEAR: '每年',
};

export const MEETING_STATUSES = ['DRAFT', 'ARCHIVED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { DRAFT: '草稿', ARCHIVED: '已归档' };

export const MEETING_ATTENDANCE_STATUSES = ['PRESENT', 'LEAVE', 'ABSENT'] as const;
export type MeetingAttendanceStatus = (typeof MEETING_ATTENDANCE_STATUSES)[number];

export const MEETING_ATTENDANCE_LABELS: Record<MeetingAttendanceStatus, string> = { PRESENT: '出席', LEAVE: '请假', ABSENT: '缺席' };

/**
 * DONE: an archived record inside the period; DUE: the period is running and has none yet; OVERDUE: the period
 * ended without one; UPCOMING: the period has not started.
 */
export const COMPLIANCE_STATES = ['DONE', 'DUE', 'OVERDUE', 'UPCOMING'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

export const COMPLIANCE_STATE_LABELS: Record<ComplianceState, string> = {
  DONE: '已完成',
  DUE: '本期待开',
  OVERDUE: '已逾期',
  UPCOMING: '未开始',
};

/** One kind's rule for one organisation: how often it must be held, and whether it is required at all. */
export interface MeetingRuleDto {
  kind: MeetingKind;
  unit: MeetingPeriodUnit;
  required: boolean;
}

/**
 * Defaults per the 支部工作条例. 党小组会 is only required of branches that have 党小组: an admin turns it on
 * per organisation (PUT /api/admin/orgs/:orgId/meeting-rules).
 */
export const DEFAULT_MEETING_RULES: readonly MeetingRuleDto[] = [
  { kind: 'PARTY_CONGRESS', unit: 'QUARTER', required: true },
  { kind: 'BRANCH_COMMITTEE', unit: 'MONTH', required: true },
  { kind: 'PARTY_GROUP', unit: 'MONTH', required: false },
  { kind: 'PARTY_LECTURE', unit: 'QUARTER', required: true },
  { kind: 'THEME_DAY', unit: 'MONTH', required: true },
  { kind: 'LIFE_MEETING', unit: 'YEAR', required: true },
  { kind: 'DEMOCRATIC_REVIEW', unit: 'YEAR', required: true },
];

export const MEETING_LIMITS = {
  topicMaxLength: 200,
  placeMaxLength: 200,
  personNameMaxLength: 50,
  textMaxLength: 10000,
  reasonMaxLength: 200,
  maxImages: 9,
  maxAttendees: 2000,
  /** The reminder goes out this many days before a period ends, while a required kind is missing. */
  reminderDaysBefore: 7,
} as const;

/**
 * The page a MEETING_DUE reminder opens (the org's calendar), with `?orgId=`. The mini-program's 组织生活 pages
 * live in this subpackage.
 */
export const MEETING_CALENDAR_PAGE = '/packages/org-life/pages/calendar/index';

export interface SaveMeetingRulesRequest {
  rules: MeetingRuleDto[];
}

export interface MeetingInput {
  kind: MeetingKind;
  /** ISO 8601 with offset. */
  startsAt: string;
  endsAt?: string | null;
  place?: string | null;
  online?: boolean;
  hostName?: string | null;
  recorderName?: string | null;
  topic: string;
  agenda?: string | null;
  minutes?: string | null;
  resolutions?: string | null;
  /** Images the caller uploaded (POST /api/uploads/images); the set replaces the record's images. */
  imageIds?: string[];
  /** Create only: an ended activity of this org; brings in its attendance and photos. */
  fromActivityId?: string | null;
}

export interface AttendeeInput {
  userId: string;
  status: MeetingAttendanceStatus;
  /** Required for LEAVE. */
  reason?: string | null;
}

export interface SetAttendeesRequest {
  attendees: AttendeeInput[];
}

/** An admin's correction of an archived record; `reason` is kept in the audit log. */
export interface CorrectMeetingRequest extends MeetingInput {
  attendees?: AttendeeInput[];
  reason: string;
}

export interface MeetingCounts {
  present: number;
  leave: number;
  absent: number;
}

export interface MeetingSummary {
  id: string;
  orgId: string;
  orgName: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  topic: string;
  place: string | null;
  counts: MeetingCounts;
  archivedAt: string | null;
}

export interface MeetingAttendee {
  userId: string;
  name: string;
  status: MeetingAttendanceStatus;
  reason: string | null;
}

export interface MeetingDetail extends MeetingSummary {
  endsAt: string | null;
  online: boolean;
  hostName: string | null;
  recorderName: string | null;
  agenda: string | null;
  minutes: string | null;
  resolutions: string | null;
  images: ImageResponse[];
  attendees: MeetingAttendee[];
  fromActivityId: string | null;
  /** The caller may change it now (a secretary, while DRAFT). */
  canEdit: boolean;
  /** The caller may correct it after archiving (admins). */
  canCorrect: boolean;
}

export interface MeetingListQuery extends PageQuery {
  year?: number;
  kind?: MeetingKind;
  status?: MeetingStatus;
}

/** A finished activity of the org that has not been turned into a record yet. */
export interface MeetingActivityItem {
  id: string;
  title: string;
  startsAt: string;
  checkedInCount: number;
}

export interface CalendarPeriod {
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string;
  state: ComplianceState;
  meetingIds: string[];
}

export interface CalendarRow {
  kind: MeetingKind;
  unit: MeetingPeriodUnit;
  periods: CalendarPeriod[];
}

export interface MeetingCalendarQuery {
  year?: number;
}

export interface MeetingCalendarResponse {
  orgId: string;
  year: number;
  /** Required kinds only. */
  rows: CalendarRow[];
}

export interface MyMeetingItem extends MeetingSummary {
  /** How I was counted; null when I was not on the list (a record of my organisation). */
  myStatus: MeetingAttendanceStatus | null;
}

/**
 * `period` is `2026-03`, `2026-Q1` or `2026` (China time). Each required kind is judged on its own unit's
 * periods overlapping the requested one: for a month, a quarterly kind is judged on that month's quarter and a
 * yearly kind on its year; for a quarter or year, a monthly kind is judged on every month in it (DONE only if
 * every month that has started is done; OVERDUE if any ended month has none; else DUE or UPCOMING).
 */
export interface ComplianceQuery extends PageQuery {
  period: string;
  chainId?: string;
  kind?: MeetingKind;
  state?: ComplianceState;
}

export interface ComplianceRow {
  orgId: string;
  orgName: string;
  chainName: string | null;
  kind: MeetingKind;
  state: ComplianceState;
  /** Archived records of this kind inside the periods judged (the kind's own periods overlapping the request). */
  meetingCount: number;
  /** The latest of those records' start times. */
  lastMeetingAt: string | null;
}

export interface ComplianceTotals {
  /** Organisations judged (after the chain filter). */
  orgs: number;
  /** Rows (org × kind) in each state, after the chain and kind filters. */
  done: number;
  due: number;
  overdue: number;
}

export interface ComplianceResponse {
  period: string;
  totals: ComplianceTotals;
  /** Overdue first, then due, upcoming, done; then by organisation and kind. */
  rows: Page<ComplianceRow>;
}

export type ComplianceExportQuery = Omit<ComplianceQuery, 'cursor' | 'limit'>;

export interface MeetingBookQuery {
  year?: number;
}
