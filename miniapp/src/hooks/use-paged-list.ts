import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@torch-red/shared';
import { ApiError } from '@/services/http';

export interface PagedListState<T> {
  items: T[];
  /** True until the first page has answered (or failed). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | undefined;
  /** Starts again from the first page; resolves when done (for pull-to-refresh). */
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

const FALLBACK_MESSAGE = '加载失败，请稍后再试';

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', FALLBACK_MESSAGE);
}

/**
 * A cursor-paged list. `key` names the query (filters): when it changes the list starts over,
 * and answers to an older query are dropped.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, key: string, enabled = true): PagedListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError>();
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);
  const busy = useRef(false);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await fetchRef.current();
      if (current === generation.current) {
        setItems(page.items);
        setCursor(page.nextCursor);
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
  }, []);

  const loadMore = useCallback(async () => {
    if (busy.current || cursor === null) {
      return;
    }
    const current = generation.current;
    busy.current = true;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current(cursor);
      if (current === generation.current) {
        setItems((previous) => [...previous, ...page.items]);
        setCursor(page.nextCursor);
      }
    } catch {
      // The HTTP client has shown a toast; the person can scroll again to retry.
    } finally {
      if (current === generation.current) {
        busy.current = false;
        setLoadingMore(false);
      }
    }
  }, [cursor]);

  useEffect(() => {
    if (enabled) {
      void reload();
    }
  }, [enabled, key, reload]);

  return { items, loading, loadingMore, hasMore: cursor !== null, error, reload, loadMore };
}
