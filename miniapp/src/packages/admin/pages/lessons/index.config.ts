export default definePageConfig({
  navigationBarTitleText: '理论学习·课程',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
