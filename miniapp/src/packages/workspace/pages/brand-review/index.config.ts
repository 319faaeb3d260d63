export default definePageConfig({
  navigationBarTitleText: '品牌审核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
