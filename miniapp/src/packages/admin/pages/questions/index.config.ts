export default definePageConfig({
  navigationBarTitleText: '理论学习·题库',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
