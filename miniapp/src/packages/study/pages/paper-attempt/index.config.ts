export default definePageConfig({
  navigationBarTitleText: '专题测试',
  backgroundTextStyle: 'dark',
});
