export default definePageConfig({
  navigationBarTitleText: '组织生活合规',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
