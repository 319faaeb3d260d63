export default definePageConfig({
  navigationBarTitleText: '品牌与示范点',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
