/** The slice of @tarojs/taro our code and NutUI touch, as jest mocks tests can steer. */
const storage = new Map<string, unknown>();

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' };
export const getEnv = jest.fn(() => 'WEB');
export const request = jest.fn();
export const uploadFile = jest.fn();
export const downloadFile = jest.fn();
export const openDocument = jest.fn(() => Promise.resolve());
export const readFileSync = jest.fn((): string | ArrayBuffer => '');
export const getFileSystemManager = jest.fn(() => ({ readFileSync }));
export const showLoading = jest.fn(() => Promise.resolve());
export const hideLoading = jest.fn(() => Promise.resolve());
export const login = jest.fn();
export const showToast = jest.fn(() => Promise.resolve());
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }));
export const reLaunch = jest.fn(() => Promise.resolve());
export const switchTab = jest.fn(() => Promise.resolve());
export const navigateTo = jest.fn(() => Promise.resolve());
export const navigateBack = jest.fn(() => Promise.resolve());
export const redirectTo = jest.fn(() => Promise.resolve());
export const scanCode = jest.fn();
export const requestSubscribeMessage = jest.fn(() => Promise.resolve({}));
export const stopPullDownRefresh = jest.fn();
export const getCurrentPages = jest.fn((): Array<{ route?: string }> => []);
export const getStorageSync = jest.fn((key: string) => storage.get(key) ?? '');
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});
export const getSystemInfoSync = jest.fn(() => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' }));
export const getWindowInfo = jest.fn(() => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }));
export const nextTick = (callback: () => void) => setTimeout(callback, 0);
export const createSelectorQuery = jest.fn();
export const pxTransform = (value: number) => `${value}px`;
export const getCurrentInstance = jest.fn(() => ({ router: { path: '/pages/test/index', params: {} }, page: null }));
/** NutUI's dialogs talk through Taro's event centre. */
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() };

export const usePullDownRefresh = jest.fn();
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const useReachBottom = jest.fn();
export const useReady = jest.fn();
export const useLoad = jest.fn();
export const useRouter = jest.fn(() => ({ params: {} }));

/** Clears storage and call records between tests. */
export function resetTaroMock(): void {
  storage.clear();
  jest.clearAllMocks();
}

const Taro = {
  ENV_TYPE,
  getEnv,
  request,
  uploadFile,
  downloadFile,
  openDocument,
  getFileSystemManager,
  showLoading,
  hideLoading,
  login,
  showToast,
  showModal,
  reLaunch,
  switchTab,
  navigateTo,
  navigateBack,
  redirectTo,
  scanCode,
  requestSubscribeMessage,
  stopPullDownRefresh,
  getCurrentPages,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  getSystemInfoSync,
  getWindowInfo,
  nextTick,
  createSelectorQuery,
  pxTransform,
  getCurrentInstance,
  eventCenter,
};

export default Taro;
