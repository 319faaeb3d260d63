export default definePageConfig({
  navigationBarTitleText: '学习专栏',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
