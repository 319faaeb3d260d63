export default definePageConfig({
  navigationBarTitleText: '关联企业',
});
