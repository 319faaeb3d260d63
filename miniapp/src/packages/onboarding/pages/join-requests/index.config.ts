export default definePageConfig({
  navigationBarTitleText: '入组织审核',
  enablePullDownRefresh: true,
});
