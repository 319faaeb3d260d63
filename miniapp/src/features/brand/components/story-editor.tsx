import { Image, Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { BRAND_LIMITS, type ImageResponse } from '@torch-red/shared';
import { imageSrc } from '../image-src';
import { imageBlock, moveBlock, textBlock, type DraftBlock } from '../story-draft';
import './story-editor.scss';

interface StoryEditorProps {
  blocks: DraftBlock[];
  onChange: (blocks: DraftBlock[]) => void;
  /** Picks and uploads a picture; resolves null when the person backs out. */
  onPickImage: () => Promise<ImageResponse | null>;
  disabled?: boolean;
}

const TYPE_LABELS: Record<DraftBlock['type'], string> = { heading: '小标题', paragraph: '段落', image: '图片' };

/** 品牌故事 as blocks: add a heading, a paragraph or a picture, reorder, delete. */
export function StoryEditor({ blocks, onChange, onPickImage, disabled = false }: StoryEditorProps) {
  const full = blocks.length >= BRAND_LIMITS.storyBlocksMax;

  const update = (index: number, text: string) => onChange(blocks.map((block, at) => (at === index && block.type !== 'image' ? { ...block, text } : block)));
  const remove = (index: number) => onChange(blocks.filter((_, at) => at !== index));

  const handleAddImage = async () => {
    const image = await onPickImage().catch(() => null);
    if (image) {
      onChange([...blocks, imageBlock(image)]);
    }
  };

  return (
    <View className={`story-editor${disabled ? ' story-editor--disabled' : ''}`}>
      {blocks.length === 0 ? <Text className="story-editor__empty">还没有内容。用下方按钮添加小标题、段落或图片，讲讲支部品牌的由来和做法。</Text> : null}
      {blocks.map((block, index) => (
        <View key={block.key} className={`story-editor__block story-editor__block--${block.type}`} data-block-index={index}>
          <View className="story-editor__bar">
            <Text className="story-editor__type">
              {index + 1}. {TYPE_LABELS[block.type]}
            </Text>
            <View className="story-editor__tools">
              <Text className={`story-editor__tool story-editor__up${index === 0 ? ' story-editor__tool--off' : ''}`} onClick={() => !disabled && onChange(moveBlock(blocks, index, -1))}>
                上移
              </Text>
              <Text
                className={`story-editor__tool story-editor__down${index === blocks.length - 1 ? ' story-editor__tool--off' : ''}`}
                onClick={() => !disabled && onChange(moveBlock(blocks, index, 1))}
              >
                下移
              </Text>
              <Text className="story-editor__tool story-editor__delete" onClick={() => !disabled && remove(index)}>
                删除
              </Text>
            </View>
          </View>
          {block.type === 'heading' ? (
            <Input
              className="story-editor__heading"
              value={block.text}
              placeholder="小标题，如：党建引领 链上协同"
              maxLength={60}
              disabled={disabled}
              onChange={(text) => update(index, text)}
            />
          ) : null}
          {block.type === 'paragraph' ? (
            <TextArea
              className="story-editor__paragraph"
              value={block.text}
              placeholder="正文段落"
              maxLength={BRAND_LIMITS.blockTextMaxLength}
              rows={3}
              autoSize
              disabled={disabled}
              onChange={(text) => update(index, text)}
            />
          ) : null}
          {block.type === 'image' ? (
            block.image ? (
              <Image className="story-editor__image" src={imageSrc(block.image.thumbUrl)} mode="widthFix" />
            ) : (
              <View className="story-editor__image-saved">
                <Text className="story-editor__image-saved-text">已保存的图片</Text>
              </View>
            )
          ) : null}
        </View>
      ))}
      {disabled ? null : (
        <View className="story-editor__add">
          <Text className={`story-editor__add-button story-editor__add-heading${full ? ' story-editor__add-button--off' : ''}`} onClick={() => !full && onChange([...blocks, textBlock('heading')])}>
            + 小标题
          </Text>
          <Text className={`story-editor__add-button story-editor__add-paragraph${full ? ' story-editor__add-button--off' : ''}`} onClick={() => !full && onChange([...blocks, textBlock('paragraph')])}>
            + 段落
          </Text>
          <Text className={`story-editor__add-button story-editor__add-image${full ? ' story-editor__add-button--off' : ''}`} onClick={() => !full && void handleAddImage()}>
            + 图片
          </Text>
        </View>
      )}
    </View>
  );
}
