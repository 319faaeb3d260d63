export default definePageConfig({
  navigationBarTitleText: '企业吹哨',
  enablePullDownRefresh: false,
  backgroundTextStyle: 'dark',
});
