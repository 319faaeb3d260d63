import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { QueryResult } from '@/hooks/use-query';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

interface QueryViewProps<T> {
  query: QueryResult<T>;
  /** Placeholder cards while the first answer is on its way. */
  loadingCards?: number;
  /** Shown instead of the content when `isEmpty(data)` (by default: an empty list). */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  /** Wraps the loading and error states, for pages that place them apart from the content. */
  stateClassName?: string;
  children: (data: T) => ReactNode;
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * One request's screen: the content once there is data (the last data stays while it reloads),
 * skeleton cards before, 加载失败 with 重新加载 when the first load fails (no retry for a 404:
 * the thing is gone) and always 返回 / 回首页, and the empty state for an empty answer (never while loading).
 */
export function QueryView<T>({ query, loadingCards = 3, empty, isEmpty = isEmptyList, stateClassName, children }: QueryViewProps<T>) {
  const { data, error, reload } = query;
  if (data !== undefined) {
    return <>{empty !== undefined && isEmpty(data) ? empty : children(data)}</>;
  }
  const state = error ? (
    <ErrorState message={error.message} statusCode={error.statusCode} onRetry={error.statusCode === 404 ? undefined : () => void reload()} />
  ) : (
    <LoadingState cards={loadingCards} />
  );
  return stateClassName ? <View className={stateClassName}>{state}</View> : state;
}
