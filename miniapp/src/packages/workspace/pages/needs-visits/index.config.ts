export default definePageConfig({
  navigationBarTitleText: '走访企业',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
