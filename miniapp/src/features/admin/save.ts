import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { PagedListState } from '@/hooks/use-paged-list';
import type { QueryState } from '@/hooks/use-query';
import { ApiError } from '@/services/http';

/** The server's words for a refusal (its messages are in Chinese: 党支部不能挂在党支部之下, 名称已存在 …). */
export const refusalText = (error: unknown): string => (error instanceof ApiError ? error.message : '保存失败，请稍后重试');

/** A form's save: busy while it runs, the refusal kept to show beside the form, a toast when done. */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async <T,>(action: () => Promise<T>, done: string): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action();
      void Taro.showToast({ title: done, icon: 'none' });
      return result;
    } catch (caught) {
      setError(refusalText(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(undefined) };
}

/** A whole list read at once (the org tree, the chains) as the paged table's state: one page, nothing more. */
export function wholeList<T>(query: Pick<QueryState<T[]>, 'data' | 'error' | 'loading' | 'reload'>): PagedListState<T> {
  return {
    items: query.data ?? [],
    loading: query.loading,
    loadingMore: false,
    hasMore: false,
    error: query.error,
    reload: async () => {
      await query.reload();
    },
    loadMore: async () => undefined,
  };
}
