export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/login/index'],
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
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
