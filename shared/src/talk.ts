import type { ActivityDetailResponse, ActivityResponse, MyRegistrationResponse, RegistrationResponse } from './activity';

export const APPEAL_CATEGORIES = ['RAW_MATERIALS', 'PERMITS', 'WORKING_CAPITAL', 'TALENT', 'TECHNOLOGY', 'OTHER'] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];

export const APPEAL_CATEGORY_LABELS: Record<AppealCategory, string> = {
  RAW_MATERIALS: '原料供应',
  PERMITS: '手续办理',
  WORKING_CAPITAL: '流动资金',
  TALENT: '人才引进',
  TECHNOLOGY: '技术合作',
  OTHER: '其他',
};

export const APPEAL_STATUSES = ['RECEIVED', 'ANSWERED', 'FOLLOW_UP'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  RECEIVED: '已受理',
  ANSWERED: '已答复',
  FOLLOW_UP: '持续跟进',
};

/**
 * Where an appeal stands as its raiser sees it, from the appeal's status and their registration's: an appeal is
 * only 受理 once the registration is accepted, so while it waits for review it reads 已提交, then 待答复.
 */
export type AppealProgress = 'SUBMITTED' | 'AWAITING_ANSWER' | 'ANSWERED' | 'FOLLOW_UP' | 'NOT_ACCEPTED' | 'WITHDRAWN';

export const APPEAL_PROGRESS_LABELS: Record<AppealProgress, string> = {
  SUBMITTED: '已提交',
  AWAITING_ANSWER: '待答复',
  ANSWERED: '已答复',
  FOLLOW_UP: '持续跟进',
  NOT_ACCEPTED: '报名未通过',
  WITHDRAWN: '已取消报名',
};

export interface CreateTalkRequest {
  theme: string;
  description: string;
  location: string;
  startAt: string;
  endAt: string;
  signupStartAt?: string | null;
  signupEndAt: string;
  capacity: number;
  hostDepartmentIds: string[];
}

export type UpdateTalkRequest = Partial<CreateTalkRequest>;

export interface TalkSummary {
  id: string;
  theme: string;
  hostDepartments: Array<{ id: string; name: string }>;
  activity: ActivityResponse;
  minutesPublished: boolean;
  isSample: boolean;
  /** The caller's registration for the session, if any (cards show 已报名·待审核 / 已报名 and 查看). */
  myRegistrationStatus: RegistrationResponse['status'] | null;
}

export interface TalkDetail extends Omit<TalkSummary, 'activity'> {
  activity: ActivityDetailResponse;
  minutes: string | null;
  minutesPublishedAt: string | null;
  myAppeal: AppealResponse | null;
}

export interface TalkRegisterRequest {
  /** An enterprise from the chain map, or … */
  enterpriseId?: string | null;
  /** … its name when it is not listed yet. */
  enterpriseName?: string | null;
  position: string;
  phone: string;
  category: AppealCategory;
  appeal: string;
}

export interface TalkRegistrationResponse {
  registration: MyRegistrationResponse;
  appeal: AppealResponse;
}

export interface AppealResponse {
  id: string;
  talkId: string;
  talkTheme: string;
  enterpriseId: string | null;
  enterpriseName: string;
  position: string;
  category: AppealCategory;
  content: string;
  status: AppealStatus;
  /** What the raiser is shown (appealProgress): 已提交 until the registration is accepted, then 待答复 … */
  progress: AppealProgress;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}

/** What admins see: the appeal plus who raised it (phone masked, full only in exports). */
export interface AdminAppealResponse extends AppealResponse {
  userId: string;
  name: string;
  phone: string | null;
  registrationStatus: RegistrationResponse['status'];
}

export interface AnswerAppealRequest {
  answer: string;
  status: AppealStatus;
}

export interface PublishMinutesRequest {
  minutes: string;
}
