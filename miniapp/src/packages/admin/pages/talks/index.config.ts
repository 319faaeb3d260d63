export default definePageConfig({
  navigationBarTitleText: '企业家月月谈',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
