import { Image, Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { STUDY_LIMITS, type ImageResponse, type LessonBlockType } from '@torch-red/shared';
import { buildUrl } from '@/services/http';
import { blockErrorKey, imageBlock, moveBlock, newBlock, type DraftBlock } from '../lesson-draft';
import './lesson-blocks-editor.scss';

interface LessonBlocksEditorProps {
  blocks: DraftBlock[];
  onChange: (blocks: DraftBlock[]) => void;
  /** Picks and uploads a picture; resolves null when the admin backs out. */
  onPickImage: () => Promise<ImageResponse | null>;
  /** Problems by `block:<key>` (and `blocks` for the body as a whole). */
  errors: Record<string, string>;
}

const TYPE_LABELS: Record<LessonBlockType, string> = { paragraph: '段落', heading: '小标题', quote: '引用', image: '图片' };
const PLACEHOLDERS: Record<Exclude<LessonBlockType, 'image'>, string> = {
  paragraph: '正文段落',
  heading: '小标题，如：一、深刻把握产业链党建的内涵',
  quote: '引用原文，如讲话、文件中的一段话',
};
const ADDABLE: Array<Exclude<LessonBlockType, 'image'>> = ['paragraph', 'heading', 'quote'];

/** Server paths (`/api/files/…`) need the API origin in weapp; full URLs pass through. */
const imageSrc = (url: string) => (/^https?:\/\//.test(url) ? url : buildUrl(url));

/** 图文课程的正文: paragraphs, headings, quotes and uploaded pictures with captions; add, reorder, delete. */
export function LessonBlocksEditor({ blocks, onChange, onPickImage, errors }: LessonBlocksEditorProps) {
  const full = blocks.length >= STUDY_LIMITS.blocksMax;
  const setText = (key: string, text: string) => onChange(blocks.map((b) => (b.key === key ? { ...b, text } : b)));
  const remove = (key: string) => onChange(blocks.filter((b) => b.key !== key));

  const handleAddImage = async () => {
    const image = await onPickImage().catch(() => null);
    if (image) onChange([...blocks, imageBlock(image)]);
  };

  return (
    <View className="lesson-blocks-editor">
      {blocks.length === 0 ? <Text className="lesson-blocks-editor__empty">还没有正文。用下方按钮添加段落、小标题、引用或图片。</Text> : null}
      {blocks.map((block, index) => (
        <View key={block.key} className={`lesson-blocks-editor__block lesson-blocks-editor__block--${block.type}`} data-block-index={index}>
          <View className="lesson-blocks-editor__bar">
            <Text className="lesson-blocks-editor__type">
              {index + 1}. {TYPE_LABELS[block.type]}
            </Text>
            <View className="lesson-blocks-editor__tools">
              <Text className={`lesson-blocks-editor__tool lesson-blocks-editor__up${index === 0 ? ' lesson-blocks-editor__tool--off' : ''}`} onClick={() => onChange(moveBlock(blocks, index, -1))}>
                上移
              </Text>
              <Text
                className={`lesson-blocks-editor__tool lesson-blocks-editor__down${index === blocks.length - 1 ? ' lesson-blocks-editor__tool--off' : ''}`}
                onClick={() => onChange(moveBlock(blocks, index, 1))}
              >
                下移
              </Text>
              <Text className="lesson-blocks-editor__tool lesson-blocks-editor__delete" onClick={() => remove(block.key)}>
                删除
              </Text>
            </View>
          </View>
          {block.type === 'heading' ? (
            <Input className="lesson-blocks-editor__input" value={block.text} placeholder={PLACEHOLDERS.heading} maxLength={100} onChange={(text) => setText(block.key, text)} />
          ) : null}
          {block.type === 'paragraph' || block.type === 'quote' ? (
            <TextArea
              className="lesson-blocks-editor__input"
              value={block.text}
              placeholder={PLACEHOLDERS[block.type]}
              maxLength={STUDY_LIMITS.textMaxLength}
              rows={3}
              autoSize
              onChange={(text) => setText(block.key, text)}
            />
          ) : null}
          {block.type === 'image' ? (
            <View className="lesson-blocks-editor__figure">
              {block.url ? <Image className="lesson-blocks-editor__thumb" src={imageSrc(block.thumbUrl ?? block.url)} mode="aspectFill" /> : null}
              <Input className="lesson-blocks-editor__input lesson-blocks-editor__caption" value={block.text} placeholder="图片说明（可不填）" maxLength={200} onChange={(text) => setText(block.key, text)} />
            </View>
          ) : null}
          {errors[blockErrorKey(block)] ? <Text className="lesson-blocks-editor__error">{errors[blockErrorKey(block)]}</Text> : null}
        </View>
      ))}
      {errors.blocks ? <Text className="lesson-blocks-editor__error lesson-blocks-editor__error--all">{errors.blocks}</Text> : null}
      <View className="lesson-blocks-editor__add">
        {ADDABLE.map((type) => (
          <Text key={type} className={`lesson-blocks-editor__add-button lesson-blocks-editor__add-${type}${full ? ' lesson-blocks-editor__add-button--off' : ''}`} onClick={() => !full && onChange([...blocks, newBlock(type)])}>
            + {TYPE_LABELS[type]}
          </Text>
        ))}
        <Text className={`lesson-blocks-editor__add-button lesson-blocks-editor__add-image${full ? ' lesson-blocks-editor__add-button--off' : ''}`} onClick={() => !full && void handleAddImage()}>
          + 图片
        </Text>
      </View>
    </View>
  );
}
