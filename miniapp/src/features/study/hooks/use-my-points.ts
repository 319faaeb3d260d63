import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@/hooks/use-query';
import { getMyPoints } from '../api';

/** My points today and in total; fetched again whenever the page shows (after a quiz or a lesson). */
export function useMyPoints(enabled: boolean) {
  const points = useQuery(getMyPoints, enabled);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && enabled) {
      void points.reload();
    }
    shownBefore.current = true;
  });
  return points;
}
