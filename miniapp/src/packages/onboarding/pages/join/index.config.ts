export default definePageConfig({
  navigationBarTitleText: '加入党组织',
});
