/** Page paths, so navigation calls never spell them twice. */
export const ROUTES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
} as const;
