import { Text } from '@tarojs/components';
import './status-tag.scss';

export type TagTone = 'brand' | 'gold' | 'success' | 'warning' | 'info' | 'muted' | 'danger';

interface StatusTagProps {
  text: string;
  tone?: TagTone;
  className?: string;
}

/** A small rounded label: activity type, phase, registration status. */
export function StatusTag({ text, tone = 'brand', className }: StatusTagProps) {
  return <Text className={`status-tag status-tag--${tone}${className ? ` ${className}` : ''}`}>{text}</Text>;
}
