import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './page-state.scss';

interface ErrorStateProps {
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className="page-state page-state--error">
      <View className="page-state__emblem page-state__emblem--error">
        <Text className="page-state__emblem-mark">!</Text>
      </View>
      <Text className="page-state__title">加载失败</Text>
      <Text className="page-state__description">{message}</Text>
      {onRetry ? (
        <View className="page-state__action">
          <Button type="primary" shape="round" onClick={onRetry}>
            重新加载
          </Button>
        </View>
      ) : null}
    </View>
  );
}
