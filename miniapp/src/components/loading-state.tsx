import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import './page-state.scss';

interface LoadingStateProps {
  /** How many placeholder cards to show. */
  cards?: number;
}

export function LoadingState({ cards = 3 }: LoadingStateProps) {
  return (
    <View className="page-state page-state--loading">
      {Array.from({ length: cards }, (_, index) => (
        <View className="page-state__skeleton-card" key={index}>
          <Skeleton width="40%" height="18px" animated />
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}
