export default definePageConfig({
  navigationBarTitleText: '党建品牌',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
