import { Image, Text, View } from '@tarojs/components';
import type { ImageResponse } from '@torch-red/shared';
import { brandInitials, brandMotto, brandTone } from '../format';
import { imageSrc } from '../image-src';
import './brand-cover.scss';

interface BrandCoverProps {
  name: string;
  cover: ImageResponse | null;
  /** `thumb` for lists (480 px), `full` for the brand page (1280 px). */
  size?: 'thumb' | 'full';
  className?: string;
}

/**
 * The brand's cover photo; without one, a designed placeholder: in lists a warm tile (one of three tones) with a
 * torch emblem and the brand's own words, on the brand page a torch-red field with the name's first characters.
 */
export function BrandCover({ name, cover, size = 'thumb', className }: BrandCoverProps) {
  const classes = `brand-cover brand-cover--${size}${className ? ` ${className}` : ''}`;
  if (cover) {
    return (
      <View className={classes}>
        <Image className="brand-cover__image" src={imageSrc(size === 'thumb' ? cover.thumbUrl : cover.url)} mode="aspectFill" lazyLoad />
      </View>
    );
  }
  if (size === 'full') {
    return (
      <View className={`${classes} brand-cover--placeholder`}>
        <View className="brand-cover__flame" />
        <Text className="brand-cover__initials">{brandInitials(name)}</Text>
      </View>
    );
  }
  return (
    <View className={`${classes} brand-cover--placeholder brand-cover--tone-${brandTone(name)}`}>
      <View className="brand-cover__emblem">
        <View className="brand-cover__torch" />
      </View>
      <Text className="brand-cover__motto">{brandMotto(name)}</Text>
      <View className="brand-cover__rule" />
    </View>
  );
}
