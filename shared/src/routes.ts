import type {
  ActivityDetailResponse,
  ActivityListQuery,
  ActivityResponse,
  AttendeeResponse,
  AttendeePhoneResponse,
  CancelActivityRequest,
  CheckinCodeResponse,
  CheckinRequest,
  CreateActivityRequest,
  LeaveRequest,
  MyRegistrationItem,
  MyRegistrationResponse,
  RegisterRequest,
  RejectRequest,
  SetAttendanceRequest,
  UpdateActivityRequest,
} from './activity';
import type {
  AdminLoginRequest,
  AdminLoginResponse,
  ChangePasswordRequest,
  CreateUserRequest,
  DemoPerson,
  DevLoginRequest,
  GrantRoleRequest,
  LoginResponse,
  MeResponse,
  RoleGrantResponse,
  UpdateMembershipRequest,
  UpdateUserRequest,
  UserListQuery,
  UserResponse,
  UserStatusRequest,
  WechatLoginRequest,
} from './auth';
import type {
  BrandDetail,
  BrandStatus,
  BrandSummary,
  BrandWorkspaceResponse,
  DemoPointRequest,
  LikeResponse,
  PostResponse,
  PostReviewRequest,
  ReturnBrandRequest,
  SaveBrandRequest,
  SavePostRequest,
} from './brand';
import type { AuditLogQuery, AuditLogResponse, HealthResponse, LivenessResponse, Page, PageQuery } from './common';
import type { ImageResponse } from './media';
import type {
  AnswerNeedRequest,
  DashboardResponse,
  DeadlineRunResult,
  DepartmentAssignmentItem,
  DispatchNeedRequest,
  InstructorEnterpriseItem,
  InstructorSummary,
  LogVisitRequest,
  MergeNeedRequest,
  NeedContactResponse,
  NeedDetail,
  NeedListQuery,
  NeedSummary,
  NoteRequest,
  RaiseNeedRequest,
  RateNeedRequest,
  SetInstructorEnterprisesRequest,
  VisitResponse,
} from './need';
import type { NotificationResponse, UnreadCountResponse } from './notification';
import type { ImportRosterResponse, MarkLeftRequest, MarkLeftResponse, RosterListQuery, RosterPerson, UpdateRosterPersonRequest } from './roster';
import type {
  BindPhoneRequest,
  BindingCandidate,
  BindingCodeResponse,
  BindingResult,
  BindingStatusResponse,
  CreateJoinRequestRequest,
  CreateRepresentationRequest,
  JoinCodePreview,
  JoinCodeResponse,
  JoinRequestResponse,
  OnboardingListQuery,
  RedeemBindingCodeRequest,
  RejectRequestBody,
  RepresentationRequestResponse,
} from './onboarding';
import type {
  ChainResponse,
  CreateChainRequest,
  CreateDepartmentRequest,
  CreateEnterpriseRequest,
  CreateOrgRequest,
  DepartmentResponse,
  EnterpriseListQuery,
  EnterpriseResponse,
  OrgListQuery,
  OrgResponse,
  OrgTreeNode,
  UpdateChainRequest,
  UpdateDepartmentRequest,
  UpdateEnterpriseRequest,
  UpdateOrgRequest,
} from './org';
import type {
  AdminPaperResponse,
  CheckinDayResponse,
  CreateColumnRequest,
  CreateLessonRequest,
  CreatePaperRequest,
  CreateQuestionRequest,
  DailyQuizResponse,
  GroupBoardResponse,
  ImportQuestionsPreview,
  ImportQuestionsResponse,
  LeaderboardResponse,
  LeaderboardScope,
  LessonAdminQuery,
  LessonDetail,
  LessonSummary,
  MyPointsResponse,
  OptInRequest,
  PaperAttemptResponse,
  PaperResponse,
  ParticipationResponse,
  PointLine,
  QuestionAdminQuery,
  QuestionResponse,
  QuizResult,
  StudyColumnResponse,
  StudyFlagQuery,
  StudyFlagResponse,
  StudySessionResponse,
  SubmitAnswersRequest,
  UpdateColumnRequest,
  UpdateLessonRequest,
  UpdatePaperRequest,
  UpdateQuestionRequest,
} from './study';
import type {
  AdminAppealResponse,
  AnswerAppealRequest,
  AppealResponse,
  CreateTalkRequest,
  PublishMinutesRequest,
  TalkDetail,
  TalkRegisterRequest,
  TalkRegistrationResponse,
  TalkSummary,
  UpdateTalkRequest,
} from './talk';
import type {
  ComplianceExportQuery,
  ComplianceQuery,
  ComplianceResponse,
  CorrectMeetingRequest,
  MeetingActivityItem,
  MeetingBookQuery,
  MeetingCalendarQuery,
  MeetingCalendarResponse,
  MeetingDetail,
  MeetingInput,
  MeetingListQuery,
  MeetingRuleDto,
  MeetingSummary,
  MyMeetingItem,
  SaveMeetingRulesRequest,
  SetAttendeesRequest,
} from './org-life';
import type { TodoResponse } from './todo';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One call of the API: method and path, typed with what it takes and answers. `path` has its
 * parameters filled in; call a route with `':id'` to get the pattern the server declares.
 */
export interface Endpoint<Response, Body = undefined, Query = undefined> {
  readonly method: HttpMethod;
  readonly path: string;
  /** Type-level only, never set: carries the request and response types to the client. */
  readonly types?: { response: Response; body: Body; query: Query };
}

/** The response type of an endpoint. */
export type ResponseOf<E> = E extends Endpoint<infer R, unknown, unknown> ? R : never;

/**
 * A response that is a file, not JSON: the client saves or shows it rather than parsing it. `MediaType`
 * lists the content types it may have (the API description documents them).
 */
export interface FileResponse<MediaType extends string> {
  readonly mediaType: MediaType;
}

/** An .xlsx file. */
export type SpreadsheetFile = FileResponse<'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'>;

/** An uploaded image as the server stores it. */
export type ImageFile = FileResponse<'image/jpeg' | 'image/png'>;

/** A multipart upload with one file in the field `file`. */
export interface FileUpload {
  readonly field: 'file';
}

// Query and body shapes the server's DTOs declare but `shared/` has not named elsewhere yet.
export interface BrandListQuery extends PageQuery {
  chainId?: string;
  enterpriseId?: string;
}
export interface BrandReviewQuery extends PageQuery {
  status?: Extract<BrandStatus, 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'DRAFT'>;
}
export interface LeaderboardQuery {
  scope?: LeaderboardScope;
}
export interface VisitListQuery extends PageQuery {
  enterpriseId?: string;
  /** Admins: only this instructor's visits (an instructor always sees their own). */
  instructorId?: string;
}
/** A heartbeat says only whether the app is in the foreground; the server measures the time. */
export interface HeartbeatRequest {
  visible?: boolean;
}

const get = <R, Q = undefined>(path: string): Endpoint<R, undefined, Q> => ({ method: 'GET', path });
const post = <R, B = undefined>(path: string): Endpoint<R, B> => ({ method: 'POST', path });
const put = <R, B>(path: string): Endpoint<R, B> => ({ method: 'PUT', path });
const patch = <R, B>(path: string): Endpoint<R, B> => ({ method: 'PATCH', path });
const del = <R>(path: string): Endpoint<R> => ({ method: 'DELETE', path });

/**
 * Every route of the API, as clients call it: `API.activities.detail(id)`; the admin API under `API.admin`.
 * The server's API description documents each response from these types (see scripts/api-schemas.mjs), and
 * its e2e tests check every real response against it.
 */
export const API = {
  health: get<HealthResponse>('/api/health'),
  liveness: get<LivenessResponse>('/api/health/live'),
  auth: {
    wechatLogin: post<LoginResponse, WechatLoginRequest>('/api/auth/wechat-login'),
    devLogin: post<LoginResponse, DevLoginRequest>('/api/auth/dev-login'),
    demoPeople: get<DemoPerson[]>('/api/auth/demo-people'),
    me: get<MeResponse>('/api/me'),
    /** 待办 on 首页: counts of the work the caller may act on, per role; none for a plain member. */
    todo: get<TodoResponse>('/api/me/todo'),
    /** Ends this session (the token stops working at once). */
    logout: post<void>('/api/auth/logout'),
  },
  orgs: {
    tree: get<OrgTreeNode[]>('/api/orgs/tree'),
    chains: get<ChainResponse[]>('/api/chains'),
    members: (orgId: string) => get<Page<UserResponse>, UserListQuery>(`/api/orgs/${orgId}/members`),
  },
  activities: {
    list: get<Page<ActivityResponse>, ActivityListQuery>('/api/activities'),
    detail: (id: string) => get<ActivityDetailResponse>(`/api/activities/${id}`),
    create: post<ActivityResponse, CreateActivityRequest>('/api/activities'),
    update: (id: string) => patch<ActivityResponse, UpdateActivityRequest>(`/api/activities/${id}`),
    publish: (id: string) => post<ActivityResponse>(`/api/activities/${id}/publish`),
    cancel: (id: string) => post<ActivityResponse, CancelActivityRequest>(`/api/activities/${id}/cancel`),
    /** A FORM_ANSWER_INVALID answer carries per-field `details`. */
    register: (id: string) => post<MyRegistrationResponse, RegisterRequest>(`/api/activities/${id}/registrations`),
    cancelMine: (id: string) => del<MyRegistrationResponse>(`/api/activities/${id}/registrations/me`),
    askLeave: (id: string) => post<MyRegistrationResponse, LeaveRequest>(`/api/activities/${id}/registrations/me/leave`),
    checkIn: (id: string) => post<MyRegistrationResponse, CheckinRequest>(`/api/activities/${id}/checkin`),
    mine: get<Page<MyRegistrationItem>, PageQuery>('/api/me/registrations'),
    workspace: get<Page<ActivityResponse>, PageQuery>('/api/workspace/activities'),
    attendees: (id: string) => get<AttendeeResponse[]>(`/api/activities/${id}/registrations`),
    approve: (id: string, registrationId: string) => post<AttendeeResponse>(`/api/activities/${id}/registrations/${registrationId}/approve`),
    reject: (id: string, registrationId: string) => post<AttendeeResponse, RejectRequest>(`/api/activities/${id}/registrations/${registrationId}/reject`),
    attendance: (id: string, registrationId: string) =>
      post<AttendeeResponse, SetAttendanceRequest>(`/api/activities/${id}/registrations/${registrationId}/attendance`),
    checkinCode: (id: string) => get<CheckinCodeResponse>(`/api/activities/${id}/checkin-code`),
    /** The attendee's full phone number for the activity's managers; every reveal is audited. */
    attendeePhone: (id: string, registrationId: string) => post<AttendeePhoneResponse>(`/api/activities/${id}/registrations/${registrationId}/phone`),
    export: (id: string) => get<SpreadsheetFile>(`/api/activities/${id}/export`),
  },
  notifications: {
    list: get<Page<NotificationResponse>, PageQuery>('/api/me/notifications'),
    unreadCount: get<UnreadCountResponse>('/api/me/notifications/unread-count'),
    read: (id: string) => post<void>(`/api/me/notifications/${id}/read`),
    readAll: post<void>('/api/me/notifications/read-all'),
  },
  uploads: {
    image: post<ImageResponse, FileUpload>('/api/uploads/images'),
    /** Clients use the URLs in ImageResponse, which carry the signature private images need. */
    file: (year: string, name: string) => get<ImageFile>(`/api/files/img/${year}/${name}`),
  },
  brands: {
    list: get<Page<BrandSummary>, BrandListQuery>('/api/brands'),
    /** Every call counts a view. */
    detail: (id: string) => get<BrandDetail>(`/api/brands/${id}`),
    like: (id: string) => post<LikeResponse>(`/api/brands/${id}/like`),
    unlike: (id: string) => del<LikeResponse>(`/api/brands/${id}/like`),
    workspace: (orgId: string) => get<BrandWorkspaceResponse | null>(`/api/workspace/orgs/${orgId}/brand`),
    save: (orgId: string) => put<BrandWorkspaceResponse, SaveBrandRequest>(`/api/workspace/orgs/${orgId}/brand`),
    submit: (orgId: string) => post<BrandWorkspaceResponse>(`/api/workspace/orgs/${orgId}/brand/submit`),
    createPost: (orgId: string) => post<PostResponse, SavePostRequest>(`/api/workspace/orgs/${orgId}/posts`),
    updatePost: (id: string) => patch<PostResponse, SavePostRequest>(`/api/workspace/posts/${id}`),
    deletePost: (id: string) => del<void>(`/api/workspace/posts/${id}`),
    reviewPost: (id: string) => post<PostResponse, PostReviewRequest>(`/api/workspace/posts/${id}/reviews`),
    toReview: get<Page<BrandWorkspaceResponse>, BrandReviewQuery>('/api/review/brands'),
    approve: (id: string) => post<BrandWorkspaceResponse>(`/api/review/brands/${id}/approve`),
    return: (id: string) => post<BrandWorkspaceResponse, ReturnBrandRequest>(`/api/review/brands/${id}/return`),
  },
  talks: {
    list: get<Page<TalkSummary>, PageQuery>('/api/talks'),
    detail: (id: string) => get<TalkDetail>(`/api/talks/${id}`),
    /** VALIDATION_FAILED answers carry per-field `details`. */
    register: (id: string) => post<TalkRegistrationResponse, TalkRegisterRequest>(`/api/talks/${id}/registrations`),
    myAppeals: get<Page<AppealResponse>, PageQuery>('/api/me/appeals'),
  },
  study: {
    checkinDay: post<CheckinDayResponse>('/api/study/checkin-day'),
    columns: get<StudyColumnResponse[]>('/api/study/columns'),
    lessons: (columnId: string) => get<Page<LessonSummary>, PageQuery>(`/api/study/columns/${columnId}/lessons`),
    lesson: (id: string) => get<LessonDetail>(`/api/study/lessons/${id}`),
    startSession: (lessonId: string) => post<StudySessionResponse>(`/api/study/lessons/${lessonId}/sessions`),
    heartbeat: (sessionId: string) => post<StudySessionResponse, HeartbeatRequest | undefined>(`/api/study/sessions/${sessionId}/heartbeat`),
    endSession: (sessionId: string) => post<StudySessionResponse>(`/api/study/sessions/${sessionId}/end`),
    dailyQuiz: get<DailyQuizResponse>('/api/study/daily-quiz'),
    submitDailyQuiz: post<QuizResult, SubmitAnswersRequest>('/api/study/daily-quiz/submit'),
    papers: get<PaperResponse[]>('/api/study/papers'),
    startPaper: (paperId: string) => post<PaperAttemptResponse>(`/api/study/papers/${paperId}/attempts`),
    paperAttempt: (id: string) => get<PaperAttemptResponse>(`/api/study/paper-attempts/${id}`),
    submitPaper: (id: string) => post<PaperAttemptResponse, SubmitAnswersRequest>(`/api/study/paper-attempts/${id}/submit`),
    myPoints: get<MyPointsResponse>('/api/study/me/points'),
    pointHistory: get<Page<PointLine>, PageQuery>('/api/study/me/points/history'),
    leaderboardOptIn: put<MyPointsResponse, OptInRequest>('/api/study/me/leaderboard-opt-in'),
    leaderboard: get<LeaderboardResponse, LeaderboardQuery>('/api/study/leaderboard'),
    branchBoard: get<GroupBoardResponse>('/api/study/boards/branches'),
    chainBoard: get<GroupBoardResponse>('/api/study/boards/chains'),
    participation: (orgId: string) => get<ParticipationResponse>(`/api/study/orgs/${orgId}/participation`),
  },
  onboarding: {
    /** What is bound and what is missing, for 我的. */
    status: get<BindingStatusResponse>('/api/me/binding'),
    /** PHONE_TAKEN (409) when another account holds the number. */
    bindPhone: post<BindingResult, BindPhoneRequest>('/api/me/binding/phone'),
    redeemCode: post<BindingResult, RedeemBindingCodeRequest>('/api/me/binding/code'),
    previewJoinCode: (code: string) => get<JoinCodePreview>(`/api/join-codes/${code}`),
    requestJoin: post<JoinRequestResponse, CreateJoinRequestRequest>('/api/me/join-requests'),
    myJoinRequests: get<JoinRequestResponse[]>('/api/me/join-requests'),
    requestRepresentation: post<RepresentationRequestResponse, CreateRepresentationRequest>('/api/me/representation-requests'),
    myRepresentations: get<RepresentationRequestResponse[]>('/api/me/representation-requests'),
    joinCode: (orgId: string) => get<JoinCodeResponse | null>(`/api/workspace/orgs/${orgId}/join-code`),
    /** Issues a new join code for the org; the previous one stops working. */
    renewJoinCode: (orgId: string) => post<JoinCodeResponse>(`/api/workspace/orgs/${orgId}/join-code`),
    revokeJoinCode: (orgId: string) => del<void>(`/api/workspace/orgs/${orgId}/join-code`),
    bindingCandidates: (orgId: string) => get<BindingCandidate[]>(`/api/workspace/orgs/${orgId}/binding-candidates`),
    /** The code is in the answer only: the server keeps its hash. */
    issueBindingCode: (userId: string) => post<BindingCodeResponse>(`/api/workspace/roster/${userId}/binding-code`),
    joinRequests: get<JoinRequestResponse[], OnboardingListQuery>('/api/workspace/join-requests'),
    approveJoin: (id: string) => post<JoinRequestResponse>(`/api/workspace/join-requests/${id}/approve`),
    rejectJoin: (id: string) => post<JoinRequestResponse, RejectRequestBody>(`/api/workspace/join-requests/${id}/reject`),
    representations: get<RepresentationRequestResponse[], OnboardingListQuery>('/api/workspace/representation-requests'),
    approveRepresentation: (id: string) => post<RepresentationRequestResponse>(`/api/workspace/representation-requests/${id}/approve`),
    rejectRepresentation: (id: string) => post<RepresentationRequestResponse, RejectRequestBody>(`/api/workspace/representation-requests/${id}/reject`),
  },
  needs: {
    raise: post<NeedDetail, RaiseNeedRequest>('/api/needs'),
    mine: get<Page<NeedSummary>, PageQuery>('/api/me/needs'),
    detail: (id: string) => get<NeedDetail>(`/api/needs/${id}`),
    rate: (id: string) => post<NeedDetail, RateNeedRequest>(`/api/needs/${id}/rate`),
    reopen: (id: string) => post<NeedDetail, NoteRequest>(`/api/needs/${id}/reopen`),
    ledger: get<Page<NeedSummary>, NeedListQuery>('/api/committee/needs'),
    exportLedger: get<SpreadsheetFile, NeedListQuery>('/api/committee/needs/export'),
    dispatch: (id: string) => post<NeedDetail, DispatchNeedRequest>(`/api/needs/${id}/dispatch`),
    answer: (id: string) => post<NeedDetail, AnswerNeedRequest>(`/api/needs/${id}/answer`),
    merge: (id: string) => post<NeedDetail, MergeNeedRequest>(`/api/needs/${id}/merge`),
    departments: get<DepartmentResponse[]>('/api/departments'),
    myAssignments: get<Page<DepartmentAssignmentItem>, PageQuery>('/api/department/assignments'),
    accept: (id: string, assignmentId: string) => post<NeedDetail>(`/api/needs/${id}/assignments/${assignmentId}/accept`),
    returnAssignment: (id: string, assignmentId: string) => post<NeedDetail, NoteRequest>(`/api/needs/${id}/assignments/${assignmentId}/return`),
    progress: (id: string, assignmentId: string) => post<NeedDetail, NoteRequest>(`/api/needs/${id}/assignments/${assignmentId}/progress`),
    resolve: (id: string, assignmentId: string) => post<NeedDetail, AnswerNeedRequest>(`/api/needs/${id}/assignments/${assignmentId}/resolve`),
    /** The raiser's name and full phone for the handling department (audited: each call is logged). */
    contact: (id: string, assignmentId: string) => get<NeedContactResponse>(`/api/needs/${id}/assignments/${assignmentId}/contact`),
    dashboard: get<DashboardResponse>('/api/dashboard'),
    instructorEnterprises: get<InstructorEnterpriseItem[]>('/api/instructor/enterprises'),
    visits: get<Page<VisitResponse>, VisitListQuery>('/api/visits'),
    logVisit: post<VisitResponse, LogVisitRequest>('/api/visits'),
  },
  roster: {
    /** The .xlsx template (the same columns as the export). */
    template: get<SpreadsheetFile>('/api/workspace/roster/template'),
    /** Any bad row imports nothing: ROSTER_IMPORT_INVALID with the row errors (ImportRowError[]) in `details`. */
    import: post<ImportRosterResponse, FileUpload>('/api/workspace/roster/import'),
    list: (orgId: string) => get<Page<RosterPerson>, RosterListQuery>(`/api/workspace/orgs/${orgId}/roster`),
    export: (orgId: string) => get<SpreadsheetFile, RosterListQuery>(`/api/workspace/orgs/${orgId}/roster/export`),
    person: (userId: string) => get<RosterPerson>(`/api/workspace/roster/${userId}`),
    update: (userId: string) => put<RosterPerson, UpdateRosterPersonRequest>(`/api/workspace/roster/${userId}`),
    /** Ends the membership, revokes the roles and every session at once; history stays. */
    markLeft: (userId: string) => post<MarkLeftResponse, MarkLeftRequest>(`/api/workspace/roster/${userId}/leave`),
  },
  orgLife: {
    create: (orgId: string) => post<MeetingDetail, MeetingInput>(`/api/workspace/orgs/${orgId}/meetings`),
    list: (orgId: string) => get<Page<MeetingSummary>, MeetingListQuery>(`/api/workspace/orgs/${orgId}/meetings`),
    /** Ended activities of the org not yet turned into a record. */
    activities: (orgId: string) => get<MeetingActivityItem[]>(`/api/workspace/orgs/${orgId}/meeting-activities`),
    calendar: (orgId: string) => get<MeetingCalendarResponse, MeetingCalendarQuery>(`/api/workspace/orgs/${orgId}/meeting-calendar`),
    detail: (id: string) => get<MeetingDetail>(`/api/meetings/${id}`),
    /** DRAFT only: MEETING_ARCHIVED (409) once archived. */
    update: (id: string) => put<MeetingDetail, MeetingInput>(`/api/workspace/meetings/${id}`),
    /** Replaces the list; every person must be a member of the org (MEETING_ATTENDEE_INVALID). */
    attendees: (id: string) => put<MeetingDetail, SetAttendeesRequest>(`/api/workspace/meetings/${id}/attendees`),
    /** MEETING_INCOMPLETE (422) names what is missing. */
    archive: (id: string) => post<MeetingDetail>(`/api/workspace/meetings/${id}/archive`),
    remove: (id: string) => del<void>(`/api/workspace/meetings/${id}`),
    /** 我的组织生活. */
    mine: get<Page<MyMeetingItem>, PageQuery>('/api/me/meetings'),
    compliance: get<ComplianceResponse, ComplianceQuery>('/api/committee/meeting-compliance'),
    exportCompliance: get<SpreadsheetFile, ComplianceExportQuery>('/api/committee/meeting-compliance/export'),
    /** One organisation's yearly record book; its secretaries may download it too. */
    book: (orgId: string) => get<SpreadsheetFile, MeetingBookQuery>(`/api/committee/orgs/${orgId}/meeting-book`),
  },
  admin: {
    auth: {
      login: post<AdminLoginResponse, AdminLoginRequest>('/api/admin/auth/login'),
      /** Ends every other session; the answer carries a fresh token for this one. */
      changePassword: put<AdminLoginResponse, ChangePasswordRequest>('/api/admin/auth/password'),
    },
    users: {
      list: get<Page<UserResponse>, UserListQuery>('/api/admin/users'),
      detail: (userId: string) => get<UserResponse>(`/api/admin/users/${userId}`),
      create: post<UserResponse, CreateUserRequest>('/api/admin/users'),
      update: (userId: string) => patch<UserResponse, UpdateUserRequest>(`/api/admin/users/${userId}`),
      membership: (userId: string) => put<UserResponse, UpdateMembershipRequest>(`/api/admin/users/${userId}/membership`),
      status: (userId: string) => put<UserResponse, UserStatusRequest>(`/api/admin/users/${userId}/status`),
      revokeSessions: (userId: string) => post<void>(`/api/admin/users/${userId}/sessions/revoke`),
      /** The same grant again answers 200 with the existing one. */
      grantRole: (userId: string) => post<RoleGrantResponse, GrantRoleRequest>(`/api/admin/users/${userId}/roles`),
      revokeRole: (userId: string, grantId: string) => del<void>(`/api/admin/users/${userId}/roles/${grantId}`),
    },
    orgs: {
      list: get<Page<OrgResponse>, OrgListQuery>('/api/admin/orgs'),
      detail: (id: string) => get<OrgResponse>(`/api/admin/orgs/${id}`),
      create: post<OrgResponse, CreateOrgRequest>('/api/admin/orgs'),
      update: (id: string) => patch<OrgResponse, UpdateOrgRequest>(`/api/admin/orgs/${id}`),
      /** 409 ORG_NOT_EMPTY, naming what is left, while it has open child orgs, members, office holders or unfinished activities. */
      close: (id: string) => post<OrgResponse>(`/api/admin/orgs/${id}/close`),
      /** 409 ORG_CLOSED while its parent is closed. */
      reopen: (id: string) => post<OrgResponse>(`/api/admin/orgs/${id}/reopen`),
    },
    chains: {
      list: get<ChainResponse[]>('/api/admin/chains'),
      create: post<ChainResponse, CreateChainRequest>('/api/admin/chains'),
      update: (id: string) => patch<ChainResponse, UpdateChainRequest>(`/api/admin/chains/${id}`),
    },
    enterprises: {
      list: get<Page<EnterpriseResponse>, EnterpriseListQuery>('/api/admin/enterprises'),
      detail: (id: string) => get<EnterpriseResponse>(`/api/admin/enterprises/${id}`),
      create: post<EnterpriseResponse, CreateEnterpriseRequest>('/api/admin/enterprises'),
      update: (id: string) => patch<EnterpriseResponse, UpdateEnterpriseRequest>(`/api/admin/enterprises/${id}`),
    },
    departments: {
      list: get<DepartmentResponse[]>('/api/admin/departments'),
      create: post<DepartmentResponse, CreateDepartmentRequest>('/api/admin/departments'),
      update: (id: string) => patch<DepartmentResponse, UpdateDepartmentRequest>(`/api/admin/departments/${id}`),
    },
    study: {
      columns: get<StudyColumnResponse[]>('/api/admin/study/columns'),
      createColumn: post<StudyColumnResponse, CreateColumnRequest>('/api/admin/study/columns'),
      updateColumn: (id: string) => patch<StudyColumnResponse, UpdateColumnRequest>(`/api/admin/study/columns/${id}`),
      lessons: get<Page<LessonSummary>, LessonAdminQuery>('/api/admin/study/lessons'),
      lesson: (id: string) => get<LessonDetail>(`/api/admin/study/lessons/${id}`),
      createLesson: post<LessonDetail, CreateLessonRequest>('/api/admin/study/lessons'),
      updateLesson: (id: string) => patch<LessonDetail, UpdateLessonRequest>(`/api/admin/study/lessons/${id}`),
      questions: get<Page<QuestionResponse>, QuestionAdminQuery>('/api/admin/study/questions'),
      createQuestion: post<QuestionResponse, CreateQuestionRequest>('/api/admin/study/questions'),
      updateQuestion: (id: string) => patch<QuestionResponse, UpdateQuestionRequest>(`/api/admin/study/questions/${id}`),
      importTemplate: get<SpreadsheetFile>('/api/admin/study/questions/import-template'),
      /** Any bad row imports nothing: STUDY_IMPORT_INVALID with the row errors (ImportRowError[]) in `details`. */
      importQuestions: post<ImportQuestionsResponse, FileUpload>('/api/admin/study/questions/import'),
      /** Checks an import file and writes nothing: how many rows would be imported, a sample, every row error. */
      previewImport: post<ImportQuestionsPreview, FileUpload>('/api/admin/study/questions/import-preview'),
      papers: get<AdminPaperResponse[]>('/api/admin/study/papers'),
      createPaper: post<AdminPaperResponse, CreatePaperRequest>('/api/admin/study/papers'),
      updatePaper: (id: string) => patch<AdminPaperResponse, UpdatePaperRequest>(`/api/admin/study/papers/${id}`),
      flags: get<Page<StudyFlagResponse>, StudyFlagQuery>('/api/admin/study/flags'),
    },
    talks: {
      list: get<Page<TalkSummary>, PageQuery>('/api/admin/talks'),
      create: post<TalkSummary, CreateTalkRequest>('/api/admin/talks'),
      update: (id: string) => patch<TalkSummary, UpdateTalkRequest>(`/api/admin/talks/${id}`),
      publish: (id: string) => post<TalkSummary>(`/api/admin/talks/${id}/publish`),
      appeals: (id: string) => get<Page<AdminAppealResponse>, PageQuery>(`/api/admin/talks/${id}/appeals`),
      answerAppeal: (appealId: string) => put<AppealResponse, AnswerAppealRequest>(`/api/admin/appeals/${appealId}`),
      minutes: (id: string) => post<TalkSummary, PublishMinutesRequest>(`/api/admin/talks/${id}/minutes`),
    },
    brands: {
      demoPoint: (id: string) => put<BrandSummary, DemoPointRequest>(`/api/admin/brands/${id}/demo-point`),
    },
    needs: {
      /** Turns a talk appeal into a need on the ledger. */
      fromAppeal: (appealId: string) => post<NeedDetail>(`/api/admin/appeals/${appealId}/need`),
      /** Runs the deadline reminders and escalations now (they also run on a schedule). */
      deadlineChecks: post<DeadlineRunResult>('/api/admin/needs/deadline-checks'),
    },
    instructors: {
      /** Everyone with the INSTRUCTOR role, with how many enterprises and visits each has. */
      list: get<InstructorSummary[]>('/api/admin/instructors'),
      enterprises: (userId: string) => get<InstructorEnterpriseItem[]>(`/api/admin/instructors/${userId}/enterprises`),
      setEnterprises: (userId: string) => put<InstructorEnterpriseItem[], SetInstructorEnterprisesRequest>(`/api/admin/instructors/${userId}/enterprises`),
    },
    orgLife: {
      rules: (orgId: string) => get<MeetingRuleDto[]>(`/api/admin/orgs/${orgId}/meeting-rules`),
      saveRules: (orgId: string) => put<MeetingRuleDto[], SaveMeetingRulesRequest>(`/api/admin/orgs/${orgId}/meeting-rules`),
      /** Corrects an archived record; audited with before and after. */
      correct: (id: string) => put<MeetingDetail, CorrectMeetingRequest>(`/api/admin/meetings/${id}`),
    },
    auditLogs: get<Page<AuditLogResponse>, AuditLogQuery>('/api/admin/audit-logs'),
    auditLog: (id: string) => get<AuditLogResponse>(`/api/admin/audit-logs/${id}`),
  },
} as const;
