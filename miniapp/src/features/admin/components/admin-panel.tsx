import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './admin-panel.scss';

interface AdminPanelProps {
  /** Names the panel for tests and styles (`person`, `talk-form`). */
  name: string;
  title: string;
  subtitle?: string;
  /** 收起: back to the list alone. */
  onClose: () => void;
  children: ReactNode;
}

/** The open item or form beside a list (AdminSplit's aside): a card with a title and 收起. */
export function AdminPanel({ name, title, subtitle, onClose, children }: AdminPanelProps) {
  return (
    <View className={`admin-panel admin-panel--${name}`}>
      <View className="admin-panel__top">
        <View className="admin-panel__heading">
          <Text className="admin-panel__title">{title}</Text>
          {subtitle ? <Text className="admin-panel__subtitle">{subtitle}</Text> : null}
        </View>
        <Text className="admin-panel__close" onClick={onClose}>
          收起
        </Text>
      </View>
      {children}
    </View>
  );
}

/** One labelled line of a panel (姓名, 组织 …); the value may be any markup. */
export function AdminField({ label, children, name }: { label: string; children: ReactNode; name?: string }) {
  return (
    <View className={`admin-field${name ? ` admin-field--${name}` : ''}`} data-field={name}>
      <Text className="admin-field__label">{label}</Text>
      <View className="admin-field__value">{children}</View>
    </View>
  );
}
