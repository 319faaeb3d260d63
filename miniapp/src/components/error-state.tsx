import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ROUTES } from '@/services/routes';
import './page-state.scss';

interface ErrorStateProps {
  message: string;
  onRetry?: () => void;
  /** The HTTP status of the failure: 404 reads 内容不存在, 403 无权查看, anything else 加载失败. */
  statusCode?: number;
  /** A title of its own (无权限) instead of the one the status gives. */
  title?: string;
}

function titleOf(statusCode?: number): string {
  if (statusCode === 404) return '没有找到';
  if (statusCode === 403) return '无权查看';
  return '加载失败';
}

/** Back to the page this one was opened from, or to 首页 when it was opened directly (a link, a bookmark). */
function leave(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.reLaunch({ url: ROUTES.home });
  }
}

/** A failed screen never traps: 返回 (or 回首页 without history) always, 重新加载 when a retry can help. */
export function ErrorState({ message, onRetry, statusCode, title }: ErrorStateProps) {
  const canGoBack = Taro.getCurrentPages().length > 1;
  return (
    <View className="page-state page-state--error">
      <View className="page-state__emblem page-state__emblem--error">
        <Text className="page-state__emblem-mark">!</Text>
      </View>
      <Text className="page-state__title">{title ?? titleOf(statusCode)}</Text>
      <Text className="page-state__description">{message}</Text>
      <View className="page-state__action page-state__actions">
        {onRetry ? (
          <Button type="primary" shape="round" onClick={onRetry}>
            重新加载
          </Button>
        ) : null}
        <Button className="page-state__leave" shape="round" fill="outline" type={onRetry ? 'default' : 'primary'} onClick={leave}>
          {canGoBack ? '返回' : '回首页'}
        </Button>
      </View>
    </View>
  );
}
