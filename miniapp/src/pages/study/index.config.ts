export default definePageConfig({
  navigationBarTitleText: '理论学习',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
