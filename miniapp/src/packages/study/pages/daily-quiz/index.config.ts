export default definePageConfig({
  navigationBarTitleText: '每日答题',
  backgroundTextStyle: 'dark',
});
