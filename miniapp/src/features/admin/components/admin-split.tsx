import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './admin-split.scss';

interface AdminSplitProps {
  /** The list (filters and table). */
  main: ReactNode;
  /** The open item or form; on a desktop beside the list, on a phone above it. */
  aside?: ReactNode;
}

/** A list with its open item: side by side in a wide window, stacked on a phone (the item first). */
export function AdminSplit({ main, aside }: AdminSplitProps) {
  return (
    <View className={`admin-split${aside ? ' admin-split--open' : ''}`}>
      <View className="admin-split__main">{main}</View>
      {aside ? <View className="admin-split__aside">{aside}</View> : null}
    </View>
  );
}
