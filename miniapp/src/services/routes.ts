/** Page paths, so navigation calls never spell them twice. */
export const ROUTES = {
  home: '/pages/index/index',
  activities: '/pages/activities/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  /** Notification links point here (`?id=`): keep the path stable. */
  activityDetail: '/pages/activity-detail/index',
  activitySignup: '/pages/activity-signup/index',
  myActivities: '/pages/my-activities/index',
  notifications: '/pages/notifications/index',
  workspace: '/packages/workspace/pages/activities/index',
  workspaceActivityForm: '/packages/workspace/pages/activity-form/index',
  workspaceRegistrations: '/packages/workspace/pages/registrations/index',
  workspaceCheckin: '/packages/workspace/pages/checkin/index',
  brands: '/pages/brands/index',
  brandDetail: '/pages/brand-detail/index',
  talks: '/pages/talks/index',
  talkDetail: '/pages/talk-detail/index',
  talkRegister: '/pages/talk-register/index',
  myAppeals: '/pages/my-appeals/index',
  workspaceBrand: '/packages/workspace/pages/brand/index',
  workspaceBrandPost: '/packages/workspace/pages/brand-post/index',
  workspaceBrandReview: '/packages/workspace/pages/brand-review/index',
  study: '/pages/study/index',
  studyColumn: '/pages/study-column/index',
  lesson: '/pages/lesson/index',
  dailyQuiz: '/pages/daily-quiz/index',
  papers: '/pages/papers/index',
  paperAttempt: '/pages/paper-attempt/index',
  myPoints: '/pages/my-points/index',
  leaderboard: '/pages/leaderboard/index',
  workspaceStudyParticipation: '/packages/workspace/pages/study-participation/index',
  needRaise: '/pages/need-raise/index',
  myNeeds: '/pages/my-needs/index',
  /** Notification links point here (`?id=`): keep the path stable. */
  needDetail: '/pages/need-detail/index',
  workspaceNeedsLedger: '/packages/workspace/pages/needs-ledger/index',
  workspaceNeedsAssignments: '/packages/workspace/pages/needs-assignments/index',
  workspaceNeedsDashboard: '/packages/workspace/pages/needs-dashboard/index',
  workspaceNeedsVisits: '/packages/workspace/pages/needs-visits/index',
} as const;

type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** `withQuery(ROUTES.activityDetail, { id })` → `/pages/activity-detail/index?id=3`. */
export function withQuery(route: Route, query: Record<string, string | number | undefined>): string {
  const params = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return params.length > 0 ? `${route}?${params.join('&')}` : route;
}
