import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pull-to-refresh runs every `reload` and lets go when all are done (the page config enables it). */
export function usePullToRefresh(...reloads: Array<() => Promise<unknown>>): void {
  usePullDownRefresh(() => {
    void Promise.all(reloads.map((reload) => reload())).finally(() => Taro.stopPullDownRefresh());
  });
}
