import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './page-state.scss';

/** What the empty list would hold; each has its own sign, as 我的 draws its entries (活, 信, 哨 …). */
export type EmptyIcon = 'activity' | 'message' | 'people' | 'need' | 'study' | 'brand' | 'talk' | 'document' | 'appeal' | 'review' | 'org' | 'visit' | 'rank' | 'code' | 'chain' | 'signin';

const ICON_GLYPHS: Record<EmptyIcon, string> = {
  activity: '活',
  message: '信',
  people: '人',
  need: '哨',
  study: '学',
  brand: '旗',
  talk: '谈',
  document: '文',
  appeal: '诉',
  review: '审',
  org: '组',
  visit: '访',
  rank: '榜',
  code: '码',
  chain: '链',
  signin: '登',
};

interface EmptyStateProps {
  title: string;
  description?: string;
  action?: ReactNode;
  /** The sign that fits the content: every empty state names what it would hold. */
  icon: EmptyIcon;
}

export function EmptyState({ title, description, action, icon }: EmptyStateProps) {
  return (
    <View className="page-state page-state--empty">
      <View className="page-state__emblem page-state__emblem--empty">
        <Text className={`page-state__emblem-glyph page-state__emblem-glyph--${icon}`}>{ICON_GLYPHS[icon]}</Text>
      </View>
      <Text className="page-state__title">{title}</Text>
      {description ? <Text className="page-state__description">{description}</Text> : null}
      {action ? <View className="page-state__action">{action}</View> : null}
    </View>
  );
}
