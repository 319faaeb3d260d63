export default definePageConfig({
  navigationBarTitleText: '指导员',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
