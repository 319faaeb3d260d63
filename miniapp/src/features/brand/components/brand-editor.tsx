import { useState, type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { BRAND_LIMITS, type BrandContent, type ImageResponse, type SaveBrandRequest } from '@torch-red/shared';
import { fieldErrorsOf } from '@/services/field-errors';
import { imageSrc } from '../image-src';
import { toDraft, toStory, type DraftBlock } from '../story-draft';
import { HonoursInput } from './honours-input';
import { StoryEditor } from './story-editor';
import './brand-editor.scss';

export interface BrandEditorInitial {
  content: BrandContent;
  cover: ImageResponse | null;
  gallery: ImageResponse[];
  /** Pictures already placed in the story. */
  storyImages: ImageResponse[];
}

interface BrandEditorProps {
  initial: BrandEditorInitial;
  /** While the brand is under review nothing can change. */
  disabled?: boolean;
  onPickImage: () => Promise<ImageResponse | null>;
  onSave: (request: SaveBrandRequest) => Promise<void>;
  /** Saves, then submits for review. */
  onSubmit: (request: SaveBrandRequest) => Promise<void>;
}

function Field({ label, hint, error, children, name }: { label: string; hint?: string; error?: string; children: ReactNode; name: string }) {
  return (
    <View className={`brand-editor__field brand-editor__field--${name}${error ? ' brand-editor__field--invalid' : ''}`}>
      <View className="brand-editor__label-row">
        <Text className="brand-editor__label">{label}</Text>
        {hint ? <Text className="brand-editor__hint">{hint}</Text> : null}
      </View>
      {children}
      {error ? <Text className="brand-editor__error">{error}</Text> : null}
    </View>
  );
}

/** The secretary's brand form: name, slogan, cover, gallery, honours and the story. */
export function BrandEditor({ initial, disabled = false, onPickImage, onSave, onSubmit }: BrandEditorProps) {
  const [name, setName] = useState(initial.content.name);
  const [slogan, setSlogan] = useState(initial.content.slogan);
  const [cover, setCover] = useState<ImageResponse | null>(initial.cover);
  const [gallery, setGallery] = useState<ImageResponse[]>(initial.gallery);
  const [honours, setHonours] = useState<string[]>(initial.content.honours);
  const [story, setStory] = useState<DraftBlock[]>(() => {
    const known = new Map([...initial.gallery, ...initial.storyImages, ...(initial.cover ? [initial.cover] : [])].map((image) => [image.id, image]));
    return toDraft(initial.content.story, known);
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  const request = (): SaveBrandRequest => ({
    name: name.trim(),
    slogan: slogan.trim(),
    story: toStory(story),
    coverImageId: cover?.id ?? null,
    galleryImageIds: gallery.map((image) => image.id),
    honours,
  });

  const run = async (kind: 'save' | 'submit') => {
    if (name.trim() === '') {
      setErrors({ name: '请填写品牌名称' });
      return;
    }
    setErrors({});
    setBusy(kind);
    try {
      await (kind === 'save' ? onSave(request()) : onSubmit(request()));
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
    } finally {
      setBusy(null);
    }
  };

  const handleCover = async () => {
    const image = await onPickImage().catch(() => null);
    if (image) setCover(image);
  };
  const handleGallery = async () => {
    const image = await onPickImage().catch(() => null);
    if (image) setGallery((previous) => [...previous, image]);
  };

  return (
    <View className={`brand-editor${disabled ? ' brand-editor--disabled' : ''}`}>
      <Field label="品牌名称" name="name" error={errors.name}>
        <Input className="brand-editor__input" value={name} placeholder="如：金祥寓党支部“三服一创两满意”" maxLength={BRAND_LIMITS.nameMaxLength} disabled={disabled} onChange={setName} />
      </Field>
      <Field label="品牌口号" name="slogan" error={errors.slogan}>
        <Input className="brand-editor__input" value={slogan} placeholder="一句话说明品牌内涵" maxLength={BRAND_LIMITS.sloganMaxLength} disabled={disabled} onChange={setSlogan} />
      </Field>
      <Field label="封面图" name="cover" hint="横图效果最佳">
        <View className="brand-editor__cover" onClick={() => !disabled && void handleCover()}>
          {cover ? (
            <Image className="brand-editor__cover-image" src={imageSrc(cover.url)} mode="aspectFill" />
          ) : (
            <Text className="brand-editor__cover-empty">{disabled ? '未设置封面' : '+ 上传封面'}</Text>
          )}
        </View>
        {cover && !disabled ? (
          <Text className="brand-editor__link" onClick={() => setCover(null)}>
            移除封面
          </Text>
        ) : null}
      </Field>
      <Field label="风采展示" name="gallery" hint={`${gallery.length}/${BRAND_LIMITS.galleryMax}`}>
        <View className="brand-editor__gallery">
          {gallery.map((image) => (
            <View key={image.id} className="brand-editor__thumb">
              <Image className="brand-editor__thumb-image" src={imageSrc(image.thumbUrl)} mode="aspectFill" />
              {disabled ? null : (
                <Text className="brand-editor__thumb-remove" onClick={() => setGallery((previous) => previous.filter((item) => item.id !== image.id))}>
                  ×
                </Text>
              )}
            </View>
          ))}
          {!disabled && gallery.length < BRAND_LIMITS.galleryMax ? (
            <View className="brand-editor__thumb brand-editor__thumb--add" onClick={() => void handleGallery()}>
              <Text className="brand-editor__thumb-plus">+</Text>
            </View>
          ) : null}
        </View>
      </Field>
      <Field label="荣誉" name="honours">
        <HonoursInput value={honours} onChange={setHonours} disabled={disabled} />
      </Field>
      <Field label="品牌故事" name="story" error={errors.story}>
        <StoryEditor blocks={story} onChange={setStory} onPickImage={onPickImage} disabled={disabled} />
      </Field>
      {Object.entries(errors)
        .filter(([field]) => !['name', 'slogan', 'story'].includes(field))
        .map(([field, message]) => (
          <Text key={field} className="brand-editor__error brand-editor__error--general">
            {message}
          </Text>
        ))}
      {disabled ? null : (
        <View className="brand-editor__actions">
          <Button className="brand-editor__save" shape="round" fill="outline" type="primary" loading={busy === 'save'} disabled={busy !== null} onClick={() => void run('save')}>
            保存草稿
          </Button>
          <Button className="brand-editor__submit" shape="round" type="primary" loading={busy === 'submit'} disabled={busy !== null} onClick={() => void run('submit')}>
            保存并提交审核
          </Button>
        </View>
      )}
    </View>
  );
}
