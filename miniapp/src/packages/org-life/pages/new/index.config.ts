export default definePageConfig({
  navigationBarTitleText: '新建会议记录',
});
