import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import type { PagedListState } from '@/hooks/use-paged-list';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import './admin-table.scss';

export interface AdminColumn<T> {
  key: string;
  title: string;
  /** Its share of the row on a desktop (`2fr`); 1fr by default. */
  width?: string;
  render: (item: T) => ReactNode;
}

interface AdminTableProps<T> {
  /** Names the table for tests and styles (`audit`, `people`). */
  name: string;
  list: PagedListState<T>;
  columns: Array<AdminColumn<T>>;
  rowKey: (item: T) => string;
  selectedKey?: string;
  onRowClick?: (item: T) => void;
  empty: ReactNode;
}

/**
 * A cursor-paged table: a header and rows in a wide window, one card per row on a phone (each value under its
 * column's name); 加载更多 below (and the next page on reaching the bottom), loading / error / empty states before.
 */
export function AdminTable<T>({ name, list, columns, rowKey, selectedKey, onRowClick, empty }: AdminTableProps<T>) {
  usePullToRefresh(list.reload);
  useReachBottom(() => {
    void list.loadMore();
  });
  const template = { gridTemplateColumns: columns.map((column) => column.width ?? '1fr').join(' ') };

  if (list.items.length === 0) {
    if (list.error) return <ErrorState message={list.error.message} statusCode={list.error.statusCode} onRetry={() => void list.reload()} />;
    return list.loading ? <LoadingState cards={2} /> : <>{empty}</>;
  }
  return (
    <View className={`admin-table admin-table--${name}`}>
      <View className="admin-table__head" style={template}>
        {columns.map((column) => (
          <Text key={column.key} className="admin-table__head-cell">
            {column.title}
          </Text>
        ))}
      </View>
      {list.items.map((item) => {
        const key = rowKey(item);
        return (
          <View
            key={key}
            data-key={key}
            className={`admin-table__row${key === selectedKey ? ' admin-table__row--selected' : ''}${onRowClick ? ' admin-table__row--link' : ''}`}
            style={template}
            onClick={onRowClick ? () => onRowClick(item) : undefined}
          >
            {columns.map((column) => (
              <View key={column.key} className={`admin-table__cell admin-table__cell--${column.key}`}>
                <Text className="admin-table__label">{column.title}</Text>
                <View className="admin-table__value">{column.render(item)}</View>
              </View>
            ))}
          </View>
        );
      })}
      <View className="admin-table__foot">
        {list.hasMore ? (
          <Button className="admin-table__more" shape="round" fill="outline" type="primary" loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        ) : (
          <Text className="admin-table__count">共 {list.items.length} 条，已全部显示</Text>
        )}
      </View>
    </View>
  );
}
