import type { PageQuery } from './common';

/**
 * Theory study (理论学习): columns and lessons, server-credited study time, the question bank,
 * daily quiz, papers, the points ledger and opt-in leaderboards.
 */

// ── Content ───────────────────────────────────────────────────────────────────

export const LESSON_KINDS = ['ARTICLE', 'VIDEO'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];
export const LESSON_KIND_LABELS: Record<LessonKind, string> = { ARTICLE: '图文', VIDEO: '视频' };

export const CONTENT_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_STATUS_LABELS: Record<ContentStatus, string> = { DRAFT: '草稿', PUBLISHED: '已发布' };

/** Article bodies are a list of safe blocks (no HTML): the app renders each block with its own component. */
export const LESSON_BLOCK_TYPES = ['heading', 'paragraph', 'quote', 'image'] as const;
export type LessonBlockType = (typeof LESSON_BLOCK_TYPES)[number];

export interface LessonBlock {
  type: LessonBlockType;
  /** heading / paragraph / quote text, or the image caption. */
  text?: string;
  /** image only: http(s):// or a path on this server. */
  url?: string;
}

export interface StudyColumnResponse {
  id: string;
  name: string;
  description: string;
  sortOrder: number;
  status: ContentStatus;
  isSample: boolean;
  lessonCount: number;
  /** Lessons I have read (已学) in this column; 0 in admin lists. */
  completedCount: number;
}

export interface LessonSummary {
  id: string;
  columnId: string;
  title: string;
  kind: LessonKind;
  minutes: number;
  summary: string;
  coverUrl: string | null;
  status: ContentStatus;
  isSample: boolean;
  publishedAt: string | null;
  /** 已学: the server credited at least requiredSeconds. */
  completed: boolean;
  /** Server-credited seconds after which the lesson counts as read. */
  requiredSeconds: number;
  /** My server-credited reading time so far (0 in admin lists): a lesson begun but not finished shows how far. */
  creditedSeconds: number;
}

export interface LessonDetail extends LessonSummary {
  blocks: LessonBlock[];
  videoUrl: string | null;
}

export interface CreateColumnRequest {
  name: string;
  description: string;
  sortOrder?: number;
  status?: ContentStatus;
}
export type UpdateColumnRequest = Partial<CreateColumnRequest>;

export interface CreateLessonRequest {
  columnId: string;
  title: string;
  kind: LessonKind;
  summary: string;
  blocks: LessonBlock[];
  videoUrl?: string | null;
  coverUrl?: string | null;
  /** Estimated length in minutes: the time needed for 已学 scales with it. */
  minutes: number;
  sortOrder?: number;
  status?: ContentStatus;
}
export type UpdateLessonRequest = Partial<CreateLessonRequest>;

/** `GET /api/admin/study/lessons`: newest first, drafts included. */
export interface LessonAdminQuery extends PageQuery {
  columnId?: string;
  status?: ContentStatus;
  /** Part of the title. */
  q?: string;
}

// ── Study sessions (time credited by the server) ─────────────────────────────

export interface StudySessionResponse {
  sessionId: string;
  lessonId: string;
  /** Send a heartbeat about this often; a beat never credits more than this many seconds. */
  heartbeatSeconds: number;
  /** Seconds credited by this request (0 when starting). */
  creditedNow: number;
  /** Total credited on this lesson, by the server clock. */
  lessonCreditedSeconds: number;
  requiredSeconds: number;
  completed: boolean;
  todayStudySeconds: number;
  /** Points this request earned (reading and study time). */
  pointsAwarded: number;
  ended: boolean;
}

// ── Question bank, daily quiz, papers ────────────────────────────────────────

export const QUESTION_TYPES = ['SINGLE', 'MULTIPLE', 'JUDGE'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { SINGLE: '单选题', MULTIPLE: '多选题', JUDGE: '判断题' };

/** A question as a person sees it before answering: no answer, no explanation. */
export interface QuizQuestion {
  id: string;
  type: QuestionType;
  stem: string;
  options: string[];
}

/** A question as admins manage it. */
export interface QuestionResponse extends QuizQuestion {
  answer: number[];
  explanation: string;
  enabled: boolean;
  isSample: boolean;
  createdAt: string;
}

export interface CreateQuestionRequest {
  type: QuestionType;
  stem: string;
  /** JUDGE questions always have ['正确', '错误']. */
  options: string[];
  /** Indexes into options (0-based); one for SINGLE/JUDGE, two or more for MULTIPLE. */
  answer: number[];
  explanation: string;
  enabled?: boolean;
}
export type UpdateQuestionRequest = Partial<CreateQuestionRequest>;

/** `GET /api/admin/study/questions`. */
export interface QuestionAdminQuery extends PageQuery {
  type?: QuestionType;
  /** Part of the stem. */
  q?: string;
  /** true: only questions that may be drawn; false: only disabled ones. */
  enabled?: boolean;
}

export interface AnswerInput {
  questionId: string;
  choice: number[];
}

export interface SubmitAnswersRequest {
  answers: AnswerInput[];
}

/** After submitting: now the correct answer and explanation are shown. */
export interface AnswerResult {
  questionId: string;
  type: QuestionType;
  stem: string;
  options: string[];
  choice: number[];
  correctAnswer: number[];
  isCorrect: boolean;
  explanation: string;
}

export interface DailyQuizResponse {
  day: string;
  questions: QuizQuestion[];
  submitted: boolean;
  /** Present once submitted. */
  result: QuizResult | null;
}

export interface QuizResult {
  correctCount: number;
  total: number;
  pointsAwarded: number;
  flagged: boolean;
  items: AnswerResult[];
}

export const PAPER_MODES = ['FIXED', 'RANDOM'] as const;
export type PaperMode = (typeof PAPER_MODES)[number];
export const PAPER_MODE_LABELS: Record<PaperMode, string> = { FIXED: '固定组卷', RANDOM: '随机抽题' };

export interface PaperResponse {
  id: string;
  title: string;
  description: string;
  mode: PaperMode;
  questionCount: number;
  timeLimitMinutes: number;
  /** Percent of questions right needed to pass. */
  passScore: number;
  maxAttempts: number;
  status: ContentStatus;
  /** Member view: attempts used and best score so far. */
  attemptsUsed: number;
  bestScore: number | null;
}

export interface CreatePaperRequest {
  title: string;
  description: string;
  mode: PaperMode;
  /** FIXED: the questions, in order. */
  questionIds?: string[];
  /** RANDOM: how many to draw from the enabled bank. */
  drawCount?: number;
  timeLimitMinutes: number;
  passScore: number;
  maxAttempts: number;
  status?: ContentStatus;
}
export type UpdatePaperRequest = Partial<CreatePaperRequest>;

/** A question of a fixed paper, as its list in the 管理后台 shows it. */
export interface PaperQuestionItem {
  id: string;
  type: QuestionType;
  stem: string;
  enabled: boolean;
}

/** A paper as admins manage it: which questions, in order (FIXED), or how many are drawn (RANDOM). */
export interface AdminPaperResponse extends PaperResponse {
  questions: PaperQuestionItem[];
  drawCount: number;
}

export interface PaperAttemptResponse {
  id: string;
  paperId: string;
  attemptNo: number;
  startedAt: string;
  deadlineAt: string;
  questions: QuizQuestion[];
  submitted: boolean;
  result: (QuizResult & { score: number; passed: boolean }) | null;
}

// ── Points ────────────────────────────────────────────────────────────────────

export const POINT_RULES = ['LESSON_READ', 'STUDY_TIME', 'DAILY_QUIZ', 'PAPER'] as const;
export type PointRule = (typeof POINT_RULES)[number];

export interface PointRuleConfig {
  label: string;
  /** Plain description shown next to each ledger line. */
  description: string;
  /** Most points from this rule per person per day; null = no daily cap. */
  dailyCap: number | null;
}

/** Modelled on 学习强国. The server reads its rules from here (overridable by configuration). */
export const DEFAULT_POINT_RULES: Record<PointRule, PointRuleConfig> = {
  LESSON_READ: { label: '阅读文章', description: '每学完一篇文章或视频得 1 分，每日上限 6 分', dailyCap: 6 },
  STUDY_TIME: { label: '学习时长', description: '有效学习每 4 分钟得 1 分，每日上限 8 分', dailyCap: 8 },
  DAILY_QUIZ: { label: '每日答题', description: '每日答题全对得 2 分，其余得 1 分', dailyCap: 2 },
  PAPER: { label: '专题测试', description: '专题测试满分得 10 分，及格得 8 分，每份试卷只计一次', dailyCap: null },
};

export const STUDY_POINTS = {
  lessonRead: 1,
  studyTimeSecondsPerPoint: 240,
  dailyQuizFull: 2,
  dailyQuizOther: 1,
  paperFull: 10,
  paperPass: 8,
} as const;

export const STUDY_LIMITS = {
  heartbeatSeconds: 30,
  /** A beat sooner than this after the previous one is flagged and credits nothing. */
  minHeartbeatSeconds: 10,
  /** 已学 after this share of the lesson's estimated length, within the bounds below. */
  readShare: 0.5,
  minReadSeconds: 30,
  maxReadSeconds: 900,
  /** A session silent longer than this counts as abandoned (another lesson may start without a flag). */
  sessionIdleSeconds: 120,
  dailyQuizSize: 5,
  /** Reading-time floor per question: answering faster is flagged and earns no points. */
  minSecondsPerQuestion: 3,
  /** Papers: submissions this long after the deadline are still accepted (network delay). */
  paperGraceSeconds: 10,
  leaderboardSize: 50,
  importMaxRows: 1000,
  /** Good rows shown in an import preview. */
  importPreviewSample: 5,
  titleMaxLength: 100,
  textMaxLength: 2000,
  blocksMax: 100,
  optionsMax: 6,
} as const;

export interface PointLine {
  id: string;
  rule: PointRule;
  ruleLabel: string;
  ruleDescription: string;
  points: number;
  /** What earned it, e.g. "lesson:12", "quiz:2026-12-01", "paper:3". */
  source: string;
  day: string;
  createdAt: string;
}

export interface MyPointsResponse {
  day: string;
  today: number;
  week: number;
  total: number;
  todayStudySeconds: number;
  checkedInToday: boolean;
  optedIn: boolean;
  rules: Array<{ rule: PointRule; label: string; description: string; today: number; dailyCap: number | null }>;
}

// ── Leaderboards (personal feedback only) ─────────────────────────────────────

export const LEADERBOARD_NOTICE = '排行榜仅供个人学习参考，不作为任何考核评价依据；只有主动开启“参与排行”的人才会出现在榜单中。';

export const LEADERBOARD_SCOPES = ['TOTAL', 'WEEK'] as const;
export type LeaderboardScope = (typeof LEADERBOARD_SCOPES)[number];

export interface LeaderboardEntry {
  rank: number;
  userId: string;
  name: string;
  points: number;
}

export interface LeaderboardResponse {
  notice: string;
  scope: LeaderboardScope;
  period: string | null;
  items: LeaderboardEntry[];
  me: { optedIn: boolean; points: number; rank: number | null };
}

export interface OptInRequest {
  optIn: boolean;
}

export interface GroupBoardItem {
  id: string;
  name: string;
  memberCount: number;
  participantCount: number;
  /** participants / members, 0..1. */
  participationRate: number;
  /** Week points per member (everyone counted, not only participants). */
  averagePoints: number;
}

export interface GroupBoardResponse {
  notice: string;
  week: string;
  items: GroupBoardItem[];
}

export interface ParticipationItem {
  userId: string;
  name: string;
  studied: boolean;
}

export interface ParticipationResponse {
  orgId: string;
  orgName: string;
  week: string;
  memberCount: number;
  studiedCount: number;
  /** Sorted by name: a list for a gentle reminder, not a ranking. */
  items: ParticipationItem[];
}

export const STUDY_FLAG_KINDS = ['HEARTBEAT_TOO_FAST', 'PARALLEL_LESSONS', 'ANSWER_TOO_FAST', 'POINTS_BEFORE_CHECKIN'] as const;
export type StudyFlagKind = (typeof STUDY_FLAG_KINDS)[number];
export const STUDY_FLAG_LABELS: Record<StudyFlagKind, string> = {
  HEARTBEAT_TOO_FAST: '心跳快于真实时间',
  PARALLEL_LESSONS: '同时学习两篇内容',
  ANSWER_TOO_FAST: '答题快于正常阅读速度',
  POINTS_BEFORE_CHECKIN: '当日未签到即获取积分',
};

/** `GET /api/admin/study/flags`. */
export interface StudyFlagQuery extends PageQuery {
  kind?: StudyFlagKind;
}

export interface StudyFlagResponse {
  id: string;
  userId: string;
  userName: string | null;
  kind: StudyFlagKind;
  kindLabel: string;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface CheckinDayResponse {
  day: string;
  checkedInAt: string;
}

export interface ImportRowError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The column's header (e.g. 手机号) when the error is about one cell. */
  column?: string;
  message: string;
}

export interface ImportQuestionsResponse {
  imported: number;
}

/** One good row of an import file, as it would be stored. */
export interface ImportQuestionSample {
  row: number;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

/**
 * `POST /api/admin/study/questions/import-preview`: the file checked as the import would check it, nothing written.
 * The import itself takes the file only when `errors` is empty.
 */
export interface ImportQuestionsPreview {
  /** Rows with content (blank rows are skipped). */
  rows: number;
  /** Rows that would be imported. */
  valid: number;
  /** The first good rows (at most STUDY_LIMITS.importPreviewSample). */
  sample: ImportQuestionSample[];
  /** Every bad row, by row and column. */
  errors: ImportRowError[];
}
