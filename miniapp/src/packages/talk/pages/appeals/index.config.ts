export default definePageConfig({
  navigationBarTitleText: '诉求答复',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
