import { Image, Text, View } from '@tarojs/components';
import type { LessonBlock } from '@torch-red/shared';
import { buildUrl } from '@/services/http';
import './lesson-blocks.scss';

/** Server paths (`/media/…`) need the API origin in weapp; full URLs pass through. */
const imageSrc = (url: string) => (/^https?:\/\//.test(url) ? url : buildUrl(url));

/** An article body: each safe block rendered natively, never as HTML. */
export function LessonBlocks({ blocks }: { blocks: LessonBlock[] }) {
  return (
    <View className="lesson-blocks">
      {blocks.map((block, index) => {
        switch (block.type) {
          case 'heading':
            return (
              <Text key={index} className="lesson-blocks__heading">
                {block.text}
              </Text>
            );
          case 'quote':
            return (
              <View key={index} className="lesson-blocks__quote">
                <Text className="lesson-blocks__quote-text">{block.text}</Text>
              </View>
            );
          case 'image':
            return block.url ? (
              <View key={index} className="lesson-blocks__figure">
                <Image className="lesson-blocks__image" src={imageSrc(block.url)} mode="widthFix" lazyLoad />
                {block.text ? <Text className="lesson-blocks__caption">{block.text}</Text> : null}
              </View>
            ) : null;
          default:
            return (
              <Text key={index} className="lesson-blocks__paragraph">
                {block.text}
              </Text>
            );
        }
      })}
    </View>
  );
}
