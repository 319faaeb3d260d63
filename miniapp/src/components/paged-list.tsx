import type { ReactNode } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { PagedListState } from '@/hooks/use-paged-list';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { ErrorState } from './error-state';
import { ListFooter } from './list-footer';
import { LoadingState } from './loading-state';

interface PagedListProps<T> {
  list: PagedListState<T>;
  /** Placeholder cards while the first page is on its way. */
  loadingCards?: number;
  empty: ReactNode;
  /** More to reload on pull-down with the list (filters, a summary above it). */
  onRefresh?: () => Promise<unknown>;
  /** The items, in the page's own markup (a section heading may go between them). */
  children: (items: T[]) => ReactNode;
}

/**
 * A cursor-paged list on its page: pull-to-refresh, the next page at the bottom, the line under
 * it, and the loading / error (重新加载) / empty states before there are items.
 */
export function PagedList<T>({ list, loadingCards = 3, empty, onRefresh, children }: PagedListProps<T>) {
  usePullToRefresh(list.reload, onRefresh ?? (() => Promise.resolve()));
  useReachBottom(() => {
    void list.loadMore();
  });

  if (list.items.length === 0) {
    if (list.error) {
      return <ErrorState message={list.error.message} onRetry={() => void list.reload()} />;
    }
    return list.loading ? <LoadingState cards={loadingCards} /> : <>{empty}</>;
  }
  return (
    <>
      {children(list.items)}
      <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
    </>
  );
}
