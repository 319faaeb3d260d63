import type { AttendeeActions, RegistrationActions } from './registration-state';

export const ACTIVITY_TYPES = [
  'THEME_PARTY_DAY',
  'GOV_ENTERPRISE_FORUM',
  'TRAINING',
  'VOLUNTEER',
  'TEAM_BUILDING',
  'PSYCH_CLASS',
  'OTHER',
  'ENTREPRENEUR_TALK',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Types a secretary may choose; 企业家月月谈 sessions are created by admins through /api/admin/talks. */
export const SECRETARY_ACTIVITY_TYPES = ACTIVITY_TYPES.filter((t) => t !== 'ENTREPRENEUR_TALK');

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  THEME_PARTY_DAY: '主题党日',
  GOV_ENTERPRISE_FORUM: '政企座谈',
  TRAINING: '培训讲座',
  VOLUNTEER: '志愿服务',
  TEAM_BUILDING: '团建',
  PSYCH_CLASS: '心理课堂',
  OTHER: '其他',
  ENTREPRENEUR_TALK: '企业家月月谈',
};

export const ACTIVITY_STATUSES = ['DRAFT', 'PUBLISHED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  CANCELLED: '已取消',
};

/** Where a published activity stands in time; derived, never stored. */
export type ActivityPhase = 'NOT_OPEN' | 'SIGNUP_OPEN' | 'SIGNUP_CLOSED' | 'ONGOING' | 'ENDED';

export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  NOT_OPEN: '报名未开始',
  SIGNUP_OPEN: '报名中',
  SIGNUP_CLOSED: '报名已截止',
  ONGOING: '进行中',
  ENDED: '已结束',
};

export const FORM_FIELD_TYPES = ['text', 'phone', 'number', 'select', 'multiselect'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const FORM_FIELD_TYPE_LABELS: Record<FormFieldType, string> = {
  text: '文本',
  phone: '手机号',
  number: '数字',
  select: '单选',
  multiselect: '多选',
};

export interface FormField {
  /** Stable key of the answer: letters, digits and _ (e.g. "company"). */
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** Choices for select / multiselect. */
  options?: string[];
}

export type FormAnswerValue = string | number | string[];
export type FormAnswers = Record<string, FormAnswerValue>;

export const ACTIVITY_LIMITS = {
  titleMaxLength: 100,
  descriptionMaxLength: 5000,
  locationMaxLength: 200,
  formFieldsMax: 20,
  optionsMax: 30,
  optionMaxLength: 50,
  answerTextMaxLength: 500,
  capacityMax: 100000,
  reasonMaxLength: 200,
  /** The venue QR code changes this often, so a screenshot passed around stops working. */
  checkinRotateSeconds: 30,
} as const;

/**
 * Who may see and sign up for a published activity (enforced by the server on list, detail and sign-up):
 * ORG — people of the organisation and the organisations below it; CHAIN — people of the organisation's industry
 * chain (its enterprises' and committee's organisations); PUBLIC — every signed-in person. Managers of the
 * organisation always see it. Rows from before visibility existed are PUBLIC (what everyone saw then).
 */
export const ACTIVITY_VISIBILITIES = ['ORG', 'CHAIN', 'PUBLIC'] as const;
export type ActivityVisibility = (typeof ACTIVITY_VISIBILITIES)[number];
export const ACTIVITY_VISIBILITY_LABELS: Record<ActivityVisibility, string> = { ORG: '本组织', CHAIN: '本产业链', PUBLIC: '公开' };

export interface CreateActivityRequest {
  orgId: string;
  title: string;
  type: ActivityType;
  description: string;
  coverUrl?: string | null;
  location: string;
  onlineUrl?: string | null;
  startAt: string;
  endAt: string;
  /** Sign-up opens at publication unless set. */
  signupStartAt?: string | null;
  signupEndAt: string;
  capacity: number | null;
  waitlist: boolean;
  requiresApproval: boolean;
  cancelDeadline?: string | null;
  formFields: FormField[];
  /** Defaults to PUBLIC when left out (API clients from before visibility existed). */
  visibility?: ActivityVisibility;
}

export type UpdateActivityRequest = Partial<Omit<CreateActivityRequest, 'orgId'>>;

export interface CancelActivityRequest {
  reason?: string;
}

export interface ActivityResponse {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  type: ActivityType;
  description: string;
  coverUrl: string | null;
  location: string;
  onlineUrl: string | null;
  startAt: string;
  endAt: string;
  signupStartAt: string | null;
  signupEndAt: string;
  capacity: number | null;
  waitlist: boolean;
  requiresApproval: boolean;
  cancelDeadline: string | null;
  formFields: FormField[];
  visibility: ActivityVisibility;
  status: ActivityStatus;
  phase: ActivityPhase | null;
  publishedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  confirmedCount: number;
  waitlistCount: number;
  pendingCount: number;
  createdAt: string;
  updatedAt: string;
}

export const REGISTRATION_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'REJECTED', 'CANCELLED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  PENDING: '待审核',
  CONFIRMED: '报名成功',
  WAITLISTED: '候补中',
  REJECTED: '未通过',
  CANCELLED: '已取消',
};

export const ATTENDANCE_STATUSES = ['NONE', 'CHECKED_IN', 'LEAVE', 'NO_SHOW'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  NONE: '未签到',
  CHECKED_IN: '已签到',
  LEAVE: '请假',
  NO_SHOW: '缺席',
};

export interface RegistrationResponse {
  id: string;
  activityId: string;
  status: RegistrationStatus;
  /** 1 for the first in line; null unless WAITLISTED. */
  waitlistPosition: number | null;
  answers: FormAnswers;
  attendance: AttendanceStatus;
  leaveReason: string | null;
  rejectReason: string | null;
  checkedInAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The caller's own registration, with what they may do next. */
export interface MyRegistrationResponse extends RegistrationResponse, RegistrationActions {}

export interface ActivityDetailResponse extends ActivityResponse {
  myRegistration: MyRegistrationResponse | null;
  /** True when the caller may edit and run this activity (its org's secretary, its committee, an admin). */
  canManage: boolean;
}

export interface RegisterRequest {
  answers: FormAnswers;
}

export interface LeaveRequest {
  reason: string;
}

export interface RejectRequest {
  reason?: string;
}

export interface SetAttendanceRequest {
  attendance: AttendanceStatus;
  reason?: string;
}

/** One line of a secretary's attendee list, with what the manager may do next with it. */
export interface AttendeeResponse extends RegistrationResponse, AttendeeActions {
  userId: string;
  name: string;
  /** Masked (138****5678) in the list; full numbers only in the export. */
  phone: string | null;
  orgName: string | null;
  enterpriseName: string | null;
}

/** `POST /api/activities/:id/registrations/:registrationId/phone`: an attendee's full number for a call (audited). */
export interface AttendeePhoneResponse {
  registrationId: string;
  name: string;
  phone: string;
}

export interface MyRegistrationItem {
  registration: MyRegistrationResponse;
  activity: ActivityResponse;
}

export interface ActivityListQuery {
  orgId?: string;
  chainId?: string;
  type?: ActivityType;
  from?: string;
  to?: string;
  /** START: earliest start first (即将开始); default newest first. */
  sort?: 'START';
  limit?: number;
  cursor?: string;
}

export interface CheckinCodeResponse {
  /** Text to render as a QR code (it is what Taro.scanCode returns). */
  token: string;
  /** The same code as 6 digits, for typing in H5 or when scanning fails. */
  shortCode: string;
  /** PNG data URL of the QR code. */
  qrDataUrl: string;
  expiresAt: string;
  rotateSeconds: number;
}

export interface CheckinRequest {
  code: string;
}
