export default definePageConfig({
  navigationBarTitleText: '需求台账',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
