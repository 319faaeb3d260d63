export default definePageConfig({
  navigationBarTitleText: '入组织码',
});
