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
} as const;

type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** `withQuery(ROUTES.activityDetail, { id })` → `/pages/activity-detail/index?id=3`. */
export function withQuery(route: Route, query: Record<string, string | number | undefined>): string {
  const params = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return params.length > 0 ? `${route}?${params.join('&')}` : route;
}
