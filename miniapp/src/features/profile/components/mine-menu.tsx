import { Text, View } from '@tarojs/components';
import './mine-menu.scss';

export interface MineMenuItem {
  key: string;
  title: string;
  /** One character drawn in the icon tile. */
  icon: string;
  description: string;
  /** A red count (unread messages). */
  badge?: number;
  onClick: () => void;
}

/** 我的: the entries under the profile card, optionally under a heading (我的工作 first, then 个人). */
export function MineMenu({ items, title }: { items: MineMenuItem[]; title?: string }) {
  if (items.length === 0) return null;
  return (
    <View className="mine-menu">
      {title ? <Text className="mine-menu__heading">{title}</Text> : null}
      {items.map((item) => (
        <View key={item.key} className={`mine-menu__item mine-menu__item--${item.key}`} onClick={item.onClick}>
          <View className={`mine-menu__icon mine-menu__icon--${item.key}`}>
            <Text className="mine-menu__icon-text">{item.icon}</Text>
          </View>
          <View className="mine-menu__text">
            <Text className="mine-menu__title">{item.title}</Text>
            <Text className="mine-menu__description">{item.description}</Text>
          </View>
          {item.badge ? <Text className="mine-menu__badge">{item.badge > 99 ? '99+' : item.badge}</Text> : null}
          <Text className="mine-menu__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}
