import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { ApiError } from '@/services/http';
import { readCache, writeCache } from './query-cache';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; resolves when done, whatever the outcome (for pull-to-refresh). */
  reload: () => Promise<void>;
}

export interface QueryOptions {
  /**
   * Names the request (path and filters). With a key the last answer is kept: a page opened
   * again shows it at once and refreshes; a new key starts from its own last answer. Leave it
   * out for data a form is built from, which must never start from an old copy.
   */
  key?: string;
  /** False until the request can be made (signed in, id known). Default true. */
  enabled?: boolean;
  /** Load again whenever the page shows again (back from a page where things changed). */
  refreshOnShow?: boolean;
}

const FALLBACK_MESSAGE = '加载失败，请稍后再试';

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', FALLBACK_MESSAGE);
}

/** Calls `reload` when the page shows again (not on its first show: the page loads itself). */
export function useReloadOnShow(reload: () => unknown, enabled: boolean): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && enabled) {
      void reload();
    }
    shownBefore.current = true;
  });
}

/** Loads data when `enabled` (and again when `key` changes), keeping the last good value while reloading. */
export function useQuery<T>(fetcher: () => Promise<T>, { key, enabled = true, refreshOnShow = false }: QueryOptions = {}): QueryState<T> {
  const [data, setData] = useState<T | undefined>(() => (key === undefined ? undefined : readCache<T>(key)));
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(enabled);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const keyRef = useRef(key);
  keyRef.current = key;
  const latestCall = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latestCall.current;
    const callKey = keyRef.current;
    setLoading(true);
    try {
      const result = await fetcherRef.current();
      if (callKey !== undefined) {
        writeCache(callKey, result);
      }
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

  const mounted = useRef(false);
  useEffect(() => {
    // A new key shows its own last answer at once, if there is one (the first render already did).
    if (mounted.current && key !== undefined) {
      const cached = readCache<T>(key);
      if (cached !== undefined) {
        setData(cached);
      }
    }
    mounted.current = true;
    if (enabled) {
      void reload();
    }
  }, [enabled, key, reload]);

  useReloadOnShow(reload, enabled && refreshOnShow);

  return { data, error, loading, reload };
}

export type QueryResult<T> = Pick<QueryState<T>, 'data' | 'error' | 'reload'>;

/** Several requests as one, for a screen that needs them all: data once every one has answered, the first error, one reload. */
export function combineQueries<T extends unknown[]>(...queries: { [K in keyof T]: QueryResult<T[K]> }): QueryResult<T> {
  const list = queries as Array<QueryResult<unknown>>;
  const ready = list.every((query) => query.data !== undefined);
  return {
    data: ready ? (list.map((query) => query.data) as T) : undefined,
    error: list.find((query) => query.error !== undefined)?.error,
    reload: async () => {
      await Promise.all(list.map((query) => query.reload()));
    },
  };
}
