export default definePageConfig({
  navigationBarTitleText: '支部学习情况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
