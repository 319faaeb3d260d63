import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@torch-red/shared';
import type { ApiError } from '@/services/http';
import { readCache, writeCache } from './query-cache';
import { toApiError, useReloadOnShow, type QueryOptions } from './use-query';

export interface PagedListState<T> {
  items: T[];
  /** True while the first page is on its way (also when cached items already show). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | undefined;
  /** Starts again from the first page; resolves when done (for pull-to-refresh). */
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface CachedPages<T> {
  items: T[];
  cursor: string | null;
}

/**
 * A cursor-paged list. `key` names the query (filters): when it changes the list starts over,
 * and answers to an older query are dropped. The pages loaded so far are cached under the key.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, { key, enabled = true, refreshOnShow = false }: QueryOptions & { key: string }): PagedListState<T> {
  const [pages, setPages] = useState<CachedPages<T>>(() => readCache<CachedPages<T>>(key) ?? { items: [], cursor: null });
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError>();
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(key);
  keyRef.current = key;
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const generation = useRef(0);
  const busy = useRef(false);

  const show = useCallback((callKey: string, next: CachedPages<T>) => {
    writeCache(callKey, next);
    setPages(next);
  }, []);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    const callKey = keyRef.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await fetchRef.current();
      if (current === generation.current) {
        show(callKey, { items: page.items, cursor: page.nextCursor });
        setError(undefined);
      }
    } catch (caught) {
      if (current === generation.current) {
        setError(toApiError(caught));
      }
    } finally {
      if (current === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, [show]);

  const loadMore = useCallback(async () => {
    const { items, cursor } = pagesRef.current;
    if (busy.current || cursor === null) {
      return;
    }
    const current = generation.current;
    const callKey = keyRef.current;
    busy.current = true;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current(cursor);
      if (current === generation.current) {
        show(callKey, { items: [...items, ...page.items], cursor: page.nextCursor });
      }
    } catch {
      // The HTTP client has shown a toast; the person can scroll again to retry.
    } finally {
      if (current === generation.current) {
        busy.current = false;
        setLoadingMore(false);
      }
    }
  }, [show]);

  const mounted = useRef(false);
  useEffect(() => {
    // Another query shows its own cached pages at once, or keeps the old ones until its answer.
    if (mounted.current) {
      const cached = readCache<CachedPages<T>>(key);
      if (cached) {
        setPages(cached);
      }
    }
    mounted.current = true;
    if (enabled) {
      void reload();
    }
  }, [enabled, key, reload]);

  useReloadOnShow(reload, enabled && refreshOnShow);

  return { items: pages.items, loading, loadingMore, hasMore: pages.cursor !== null, error, reload, loadMore };
}
