export default definePageConfig({
  navigationBarTitleText: '学习排行',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
