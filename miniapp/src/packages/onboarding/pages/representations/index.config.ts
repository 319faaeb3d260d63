export default definePageConfig({
  navigationBarTitleText: '企业代表审核',
  enablePullDownRefresh: true,
});
