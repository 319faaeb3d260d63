export default definePageConfig({
  navigationBarTitleText: '部门办理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
