export default definePageConfig({
  navigationBarTitleText: '月月谈报名',
  enablePullDownRefresh: false,
  backgroundTextStyle: 'dark',
});
