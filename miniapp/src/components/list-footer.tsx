import { Text } from '@tarojs/components';
import './list-footer.scss';

interface ListFooterProps {
  loadingMore: boolean;
  hasMore: boolean;
  count: number;
}

/** The line under a paged list: loading, or the end. */
export function ListFooter({ loadingMore, hasMore, count }: ListFooterProps) {
  if (count === 0) {
    return null;
  }
  let text = '— 没有更多了 —';
  if (loadingMore) {
    text = '正在加载…';
  } else if (hasMore) {
    text = '上拉加载更多';
  }
  return <Text className="list-footer">{text}</Text>;
}
