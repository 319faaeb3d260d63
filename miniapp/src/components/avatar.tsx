import { Text, View } from '@tarojs/components';
import './avatar.scss';

interface AvatarProps {
  name: string;
  size?: 'medium' | 'large';
}

/** A round badge with the first character of the person's name. */
export function Avatar({ name, size = 'medium' }: AvatarProps) {
  const initial = Array.from(name.trim())[0] ?? '?';
  return (
    <View className={`avatar avatar--${size}`}>
      <Text className="avatar__initial">{initial}</Text>
    </View>
  );
}
