import { useCallback } from 'react';
import { useQuery } from '@/hooks/use-query';
import { useVisiblePolling } from '@/hooks/use-visible-polling';
import { getActivity } from '../api';

const LIVE_REFRESH_MS = 15000;

/** The activity with live seat counts: reloaded when the page shows again and every 15 s while visible. */
export function useActivityDetail(id: string, enabled: boolean) {
  const fetcher = useCallback(() => getActivity(id), [id]);
  const detail = useQuery(fetcher, { key: `activity:${id}`, enabled: enabled && id !== '' });
  useVisiblePolling(() => void detail.reload(), LIVE_REFRESH_MS, enabled && id !== '');
  return detail;
}
