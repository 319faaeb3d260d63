import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ImageResponse, StoryBlock } from '@torch-red/shared';
import { imageSrc } from '../image-src';
import './story-blocks.scss';

export type RenderedBlock = StoryBlock & { image?: ImageResponse };

/** A brand story, block by block (headings, paragraphs, pictures that open full screen). */
export function StoryBlocks({ blocks }: { blocks: RenderedBlock[] }) {
  const pictures = blocks.flatMap((block) => (block.type === 'image' && block.image ? [imageSrc(block.image.url)] : []));
  return (
    <View className="story-blocks">
      {blocks.map((block, index) => {
        if (block.type === 'heading') {
          return (
            <Text key={index} className="story-blocks__heading">
              {block.text}
            </Text>
          );
        }
        if (block.type === 'paragraph') {
          return (
            <Text key={index} className="story-blocks__paragraph">
              {block.text}
            </Text>
          );
        }
        if (!block.image) {
          return null;
        }
        const src = imageSrc(block.image.url);
        return (
          <Image
            key={index}
            className="story-blocks__image"
            src={src}
            mode="widthFix"
            lazyLoad
            onClick={() => void Taro.previewImage({ current: src, urls: pictures })}
          />
        );
      })}
    </View>
  );
}
