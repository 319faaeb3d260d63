import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/services/http';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; resolves when done, whatever the outcome (for pull-to-refresh). */
  reload: () => Promise<void>;
}

const FALLBACK_MESSAGE = '加载失败，请稍后再试';

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', FALLBACK_MESSAGE);
}

/** Loads data once when `enabled`, keeps the last good value while reloading. */
export function useQuery<T>(fetcher: () => Promise<T>, enabled = true): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(enabled);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const latestCall = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latestCall.current;
    setLoading(true);
    try {
      const result = await fetcherRef.current();
      if (call === latestCall.current) {
        setData(result);
        setError(undefined);
      }
    } catch (caught) {
      if (call === latestCall.current) {
        setError(toApiError(caught));
      }
    } finally {
      if (call === latestCall.current) {
        setLoading(false);
      }
    }
  }, []);

  useEffect(() => {
    if (enabled) {
      void reload();
    }
  }, [enabled, reload]);

  return { data, error, loading, reload };
}
