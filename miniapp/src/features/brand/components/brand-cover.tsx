import { Image, Text, View } from '@tarojs/components';
import type { ImageResponse } from '@torch-red/shared';
import { brandInitials } from '../format';
import { imageSrc } from '../image-src';
import './brand-cover.scss';

interface BrandCoverProps {
  name: string;
  cover: ImageResponse | null;
  /** `thumb` for lists (480 px), `full` for the brand page (1280 px). */
  size?: 'thumb' | 'full';
  className?: string;
}

/** The brand's cover photo, or a torch-red tile with the first characters of its name. */
export function BrandCover({ name, cover, size = 'thumb', className }: BrandCoverProps) {
  const classes = `brand-cover brand-cover--${size}${className ? ` ${className}` : ''}`;
  if (cover) {
    return (
      <View className={classes}>
        <Image className="brand-cover__image" src={imageSrc(size === 'thumb' ? cover.thumbUrl : cover.url)} mode="aspectFill" lazyLoad />
      </View>
    );
  }
  return (
    <View className={`${classes} brand-cover--placeholder`}>
      <View className="brand-cover__flame" />
      <Text className="brand-cover__initials">{brandInitials(name)}</Text>
    </View>
  );
}
