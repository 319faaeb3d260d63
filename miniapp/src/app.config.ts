export default defineAppConfig({
  // The main package holds what starts the app: the five tabs, the sign-in page, and the pages that
  // notifications and WeChat subscribe messages link to (those paths are stored with each message, so
  // they must not move). Everything else is a feature subpackage, fetched when first opened or
  // preloaded by the pages that lead to it (preloadRule below). Budget: main ≤ 600 KB by WeChat's
  // own analyser (miniapp/tools/check-weapp.mjs).
  pages: [
    'pages/index/index',
    'pages/activities/index',
    'pages/study/index',
    'pages/brands/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/activity-detail/index',
    'pages/need-detail/index',
    'pages/brand-detail/index',
  ],
  subPackages: [
    {
      root: 'packages/activity',
      pages: ['pages/signup/index', 'pages/mine/index'],
    },
    {
      root: 'packages/study',
      pages: ['pages/column/index', 'pages/lesson/index', 'pages/daily-quiz/index', 'pages/papers/index', 'pages/paper-attempt/index', 'pages/my-points/index', 'pages/leaderboard/index'],
    },
    {
      root: 'packages/talk',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/register/index', 'pages/appeals/index', 'pages/my-appeals/index'],
    },
    {
      root: 'packages/need',
      pages: ['pages/raise/index', 'pages/mine/index', 'pages/handle/index'],
    },
    // Getting in: binding to the roster, join and representation requests, and the secretary's side of them.
    {
      root: 'packages/onboarding',
      pages: ['pages/bind-code/index', 'pages/join/index', 'pages/representation/index', 'pages/join-requests/index', 'pages/representations/index', 'pages/binding-codes/index', 'pages/join-code/index'],
    },
    // 消息: the in-app messages, opened from 首页 and 我的 (preloaded there).
    {
      root: 'packages/inbox',
      pages: ['pages/notifications/index'],
    },
    // 管理后台: the working committee admins' screens, downloaded only by those who open them.
    {
      root: 'packages/admin',
      pages: ['pages/index/index', 'pages/people/index', 'pages/talks/index', 'pages/brands/index', 'pages/audit/index', 'pages/orgs/index', 'pages/instructors/index', 'pages/lessons/index', 'pages/questions/index'],
    },
    // 组织生活: the secretary's records and calendar, 我的组织生活 for members, compliance for the committee.
    {
      root: 'packages/org-life',
      pages: ['pages/calendar/index', 'pages/new/index', 'pages/editor/index', 'pages/detail/index', 'pages/mine/index', 'pages/compliance/index'],
    },
    // The secretary workspace is downloaded only by those who open it.
    {
      root: 'packages/workspace',
      pages: ['pages/activities/index', 'pages/activity-form/index', 'pages/registrations/index', 'pages/checkin/index', 'pages/brand/index', 'pages/brand-post/index', 'pages/brand-review/index', 'pages/study-participation/index', 'pages/needs-ledger/index', 'pages/needs-assignments/index', 'pages/needs-dashboard/index', 'pages/needs-visits/index', 'pages/roster/index', 'pages/roster-person/index'],
    },
  ],
  // Fetch a member's next steps in the background while they look at the page that leads there.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/study', 'packages/need', 'packages/talk', 'packages/inbox'] },
    'pages/activity-detail/index': { network: 'all', packages: ['packages/activity'] },
    'pages/need-detail/index': { network: 'all', packages: ['packages/need'] },
    'pages/study/index': { network: 'all', packages: ['packages/study'] },
    'pages/mine/index': { network: 'all', packages: ['packages/activity', 'packages/need', 'packages/talk', 'packages/onboarding', 'packages/org-life', 'packages/inbox'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f7f3f1',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '火炬红',
    navigationBarTextStyle: 'white',
    // H5 shows Taro's own title bar too (weapp's default): a title and 返回 / 首页 on every page.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tabbar/activity.png',
        selectedIconPath: 'assets/tabbar/activity-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tabbar/study.png',
        selectedIconPath: 'assets/tabbar/study-active.png',
      },
      {
        pagePath: 'pages/brands/index',
        text: '品牌',
        iconPath: 'assets/tabbar/brand.png',
        selectedIconPath: 'assets/tabbar/brand-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
