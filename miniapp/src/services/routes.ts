/** Page paths, so navigation calls never spell them twice. */
export const ROUTES = {
  home: '/pages/index/index',
  activities: '/pages/activities/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  /** Notification links point here (`?id=`): keep the path stable. */
  activityDetail: '/pages/activity-detail/index',
  activitySignup: '/packages/activity/pages/signup/index',
  myActivities: '/packages/activity/pages/mine/index',
  notifications: '/packages/inbox/pages/notifications/index',
  admin: '/packages/admin/pages/index/index',
  adminPeople: '/packages/admin/pages/people/index',
  adminTalks: '/packages/admin/pages/talks/index',
  adminBrands: '/packages/admin/pages/brands/index',
  adminAudit: '/packages/admin/pages/audit/index',
  adminOrgs: '/packages/admin/pages/orgs/index',
  adminInstructors: '/packages/admin/pages/instructors/index',
  adminLessons: '/packages/admin/pages/lessons/index',
  adminQuestions: '/packages/admin/pages/questions/index',
  workspace: '/packages/workspace/pages/activities/index',
  workspaceActivityForm: '/packages/workspace/pages/activity-form/index',
  workspaceRegistrations: '/packages/workspace/pages/registrations/index',
  workspaceCheckin: '/packages/workspace/pages/checkin/index',
  brands: '/pages/brands/index',
  brandDetail: '/pages/brand-detail/index',
  talks: '/packages/talk/pages/list/index',
  talkDetail: '/packages/talk/pages/detail/index',
  talkRegister: '/packages/talk/pages/register/index',
  talkAppeals: '/packages/talk/pages/appeals/index',
  myAppeals: '/packages/talk/pages/my-appeals/index',
  workspaceBrand: '/packages/workspace/pages/brand/index',
  workspaceBrandPost: '/packages/workspace/pages/brand-post/index',
  workspaceBrandReview: '/packages/workspace/pages/brand-review/index',
  study: '/pages/study/index',
  studyColumn: '/packages/study/pages/column/index',
  lesson: '/packages/study/pages/lesson/index',
  dailyQuiz: '/packages/study/pages/daily-quiz/index',
  papers: '/packages/study/pages/papers/index',
  paperAttempt: '/packages/study/pages/paper-attempt/index',
  myPoints: '/packages/study/pages/my-points/index',
  leaderboard: '/packages/study/pages/leaderboard/index',
  workspaceStudyParticipation: '/packages/workspace/pages/study-participation/index',
  needRaise: '/packages/need/pages/raise/index',
  myNeeds: '/packages/need/pages/mine/index',
  needHandle: '/packages/need/pages/handle/index',
  /** Notification links point here (`?id=`): keep the path stable. */
  needDetail: '/pages/need-detail/index',
  workspaceNeedsLedger: '/packages/workspace/pages/needs-ledger/index',
  workspaceNeedsAssignments: '/packages/workspace/pages/needs-assignments/index',
  workspaceNeedsDashboard: '/packages/workspace/pages/needs-dashboard/index',
  workspaceNeedsVisits: '/packages/workspace/pages/needs-visits/index',
  workspaceRoster: '/packages/workspace/pages/roster/index',
  workspaceRosterPerson: '/packages/workspace/pages/roster-person/index',
  onboardingBindCode: '/packages/onboarding/pages/bind-code/index',
  onboardingJoin: '/packages/onboarding/pages/join/index',
  onboardingRepresentation: '/packages/onboarding/pages/representation/index',
  /** Notification links point here: keep the path stable. */
  workspaceJoinRequests: '/packages/onboarding/pages/join-requests/index',
  /** Notification links point here: keep the path stable. */
  workspaceRepresentations: '/packages/onboarding/pages/representations/index',
  workspaceBindingCodes: '/packages/onboarding/pages/binding-codes/index',
  workspaceJoinCode: '/packages/onboarding/pages/join-code/index',
  /** 组织生活 of one branch (`?orgId=`): the calendar and the records. The reminder links here: keep the path. */
  orgLife: '/packages/org-life/pages/calendar/index',
  orgLifeNew: '/packages/org-life/pages/new/index',
  orgLifeEditor: '/packages/org-life/pages/editor/index',
  orgLifeDetail: '/packages/org-life/pages/detail/index',
  myMeetings: '/packages/org-life/pages/mine/index',
  orgLifeCompliance: '/packages/org-life/pages/compliance/index',
} as const;

/**
 * Pages that moved (out of the weapp main package): in-app messages written before still carry the old path, and
 * the notification list opens the new one. A path here must never be reused for another page.
 */
export const MOVED_PAGES: Readonly<Record<string, string>> = { '/pages/my-appeals/index': ROUTES.myAppeals };

type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** `withQuery(ROUTES.activityDetail, { id })` → `/pages/activity-detail/index?id=3`. */
export function withQuery(route: Route, query: Record<string, string | number | undefined>): string {
  const params = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return params.length > 0 ? `${route}?${params.join('&')}` : route;
}
