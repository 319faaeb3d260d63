export default definePageConfig({
  navigationBarTitleText: '专题测试',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
