export default definePageConfig({
  navigationBarTitleText: '我的组织生活',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
