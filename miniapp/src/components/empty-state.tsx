import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './page-state.scss';

interface EmptyStateProps {
  title: string;
  description?: string;
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <View className="page-state page-state--empty">
      <View className="page-state__emblem page-state__emblem--empty">
        <View className="page-state__emblem-box" />
      </View>
      <Text className="page-state__title">{title}</Text>
      {description ? <Text className="page-state__description">{description}</Text> : null}
      {action ? <View className="page-state__action">{action}</View> : null}
    </View>
  );
}
