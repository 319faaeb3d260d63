export default definePageConfig({
  navigationBarTitleText: '登录火炬红',
});
