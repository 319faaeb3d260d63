import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ImageResponse } from '@torch-red/shared';
import { imageSrc } from '../image-src';
import './brand-gallery.scss';

/** Thumbnails in a three-column grid; a tap opens the full-size pictures. */
export function BrandGallery({ images }: { images: ImageResponse[] }) {
  const urls = images.map((image) => imageSrc(image.url));
  return (
    <View className="brand-gallery">
      {images.map((image, index) => (
        <View key={image.id} className="brand-gallery__item" onClick={() => void Taro.previewImage({ current: urls[index], urls })}>
          <Image className="brand-gallery__image" src={imageSrc(image.thumbUrl)} mode="aspectFill" lazyLoad />
        </View>
      ))}
    </View>
  );
}
