import { useEffect, useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Calls `refresh` whenever the page shows again (not on the first show: the page loads itself)
 * and every `intervalMs` while it is visible, so figures such as seat counts stay live.
 */
export function useVisiblePolling(refresh: () => void, intervalMs: number, enabled = true): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const timer = useRef<ReturnType<typeof setInterval>>();
  const shownBefore = useRef(false);

  const stop = () => {
    if (timer.current !== undefined) {
      clearInterval(timer.current);
      timer.current = undefined;
    }
  };
  const start = () => {
    stop();
    timer.current = setInterval(() => refreshRef.current(), intervalMs);
  };

  useDidShow(() => {
    if (!enabled) {
      return;
    }
    if (shownBefore.current) {
      refreshRef.current();
    }
    shownBefore.current = true;
    start();
  });
  useDidHide(stop);

  useEffect(() => {
    if (enabled) {
      start();
    }
    return stop;
    // start and stop only touch refs, so the effect depends on the inputs alone.
  }, [enabled, intervalMs]);
}
