export default definePageConfig({
  navigationBarTitleText: '火炬红',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
