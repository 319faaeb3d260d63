export default definePageConfig({
  navigationBarTitleText: '党员先锋岗',
});
