export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/activities/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/activity-detail/index',
    'pages/activity-signup/index',
    'pages/my-activities/index',
    'pages/notifications/index',
  ],
  // The secretary workspace is downloaded only by those who open it.
  subPackages: [
    {
      root: 'packages/workspace',
      pages: ['pages/activities/index', 'pages/activity-form/index', 'pages/registrations/index', 'pages/checkin/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f7f3f1',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '火炬红',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#8c8c8c',
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
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
