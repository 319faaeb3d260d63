import { useState, type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import {
  NEED_CATEGORIES,
  NEED_CATEGORY_LABELS,
  NEED_LIMITS,
  NEED_URGENCIES,
  NEED_URGENCY_LABELS,
  type ImageResponse,
  type NeedCategory,
  type NeedUrgency,
  type RaiseNeedRequest,
} from '@torch-red/shared';
import { imageSrc } from '@/features/brand/image-src';
import { fieldErrorsOf } from '@/services/field-errors';
import './need-form.scss';

type FieldKey = 'category' | 'urgency' | 'title' | 'description' | 'images';

const SERVER_FIELDS: Record<string, FieldKey> = { category: 'category', urgency: 'urgency', title: 'title', description: 'description', imageIds: 'images' };

interface NeedFormProps {
  /** Picks and uploads one image; null when the person backs out. */
  onPickImage: () => Promise<ImageResponse | null>;
  onSubmit: (body: RaiseNeedRequest) => Promise<void>;
}

/** 企业吹哨: what kind of need, how urgent, what it is, and optional photos. */
export function NeedForm({ onPickImage, onSubmit }: NeedFormProps) {
  const [category, setCategory] = useState<NeedCategory | null>(null);
  const [urgency, setUrgency] = useState<NeedUrgency>('NORMAL');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [images, setImages] = useState<ImageResponse[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [submitting, setSubmitting] = useState(false);

  const clear = (key: FieldKey) => setErrors(({ [key]: _cleared, ...rest }) => rest);

  const handleSubmit = async () => {
    const problems: Partial<Record<FieldKey, string>> = {};
    if (!category) problems.category = '请选择需求类别';
    if (title.trim() === '') problems.title = '请用一句话概括需求';
    if (description.trim() === '') problems.description = '请描述遇到的问题和希望得到的支持';
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !category) return;
    setSubmitting(true);
    try {
      await onSubmit({ category, urgency, title: title.trim(), description: description.trim(), imageIds: images.map((image) => image.id) });
    } catch (error) {
      const fields = fieldErrorsOf(error) ?? {};
      const mapped: Partial<Record<FieldKey, string>> = {};
      for (const [field, message] of Object.entries(fields)) {
        const key = SERVER_FIELDS[field.split('.')[0]];
        if (key && !mapped[key]) mapped[key] = message;
      }
      setErrors(mapped);
    } finally {
      setSubmitting(false);
    }
  };

  const handleAddImage = async () => {
    const image = await onPickImage().catch(() => null);
    if (image) {
      setImages((previous) => [...previous, image]);
      clear('images');
    }
  };

  const box = (key: FieldKey, label: string, children: ReactNode, required = true, hint?: string) => (
    <View className={`need-form__field${errors[key] ? ' need-form__field--invalid' : ''}`} data-field={key}>
      <View className="need-form__label-row">
        {required ? <Text className="need-form__required">*</Text> : null}
        <Text className="need-form__label">{label}</Text>
        {hint ? <Text className="need-form__hint">{hint}</Text> : null}
      </View>
      {children}
      {errors[key] ? <Text className="need-form__error">{errors[key]}</Text> : null}
    </View>
  );

  return (
    <View className="need-form">
      {box(
        'category',
        '需求类别',
        <View className="need-form__chips">
          {NEED_CATEGORIES.map((value) => (
            <Text
              key={value}
              className={`need-form__chip need-form__category${category === value ? ' need-form__chip--active' : ''}`}
              onClick={() => {
                setCategory(value);
                clear('category');
              }}
            >
              {NEED_CATEGORY_LABELS[value]}
            </Text>
          ))}
        </View>,
      )}
      {box(
        'urgency',
        '紧急程度',
        <View className="need-form__chips">
          {NEED_URGENCIES.map((value) => (
            <Text
              key={value}
              className={`need-form__chip need-form__urgency need-form__urgency--${value.toLowerCase()}${urgency === value ? ' need-form__chip--active' : ''}`}
              onClick={() => setUrgency(value)}
            >
              {NEED_URGENCY_LABELS[value]}
            </Text>
          ))}
        </View>,
      )}
      {box(
        'title',
        '需求标题',
        <Input
          className="need-form__input"
          value={title}
          placeholder="一句话概括，如：丙烯原料供应不稳定"
          maxLength={100}
          clearable
          onChange={(value) => {
            setTitle(value);
            clear('title');
          }}
        />,
      )}
      {box(
        'description',
        '详细描述',
        <TextArea
          className="need-form__description"
          value={description}
          placeholder="遇到了什么问题、影响有多大、希望哪些部门给予什么支持"
          maxLength={2000}
          showCount
          rows={6}
          onChange={(value) => {
            setDescription(value);
            clear('description');
          }}
        />,
      )}
      {box(
        'images',
        '图片',
        <View className="need-form__images">
          {images.map((image) => (
            <View key={image.id} className="need-form__thumb">
              <Image className="need-form__thumb-image" src={imageSrc(image.thumbUrl)} mode="aspectFill" />
              <Text className="need-form__thumb-remove" onClick={() => setImages((previous) => previous.filter((item) => item.id !== image.id))}>
                ×
              </Text>
            </View>
          ))}
          {images.length < NEED_LIMITS.maxImages ? (
            <View className="need-form__add-image" onClick={() => void handleAddImage()}>
              <Text className="need-form__add-plus">+</Text>
              <Text className="need-form__add-text">添加图片</Text>
            </View>
          ) : null}
        </View>,
        false,
        `选填，最多 ${NEED_LIMITS.maxImages} 张`,
      )}
      <View className="need-form__actions">
        <Button className="need-form__submit" type="primary" shape="round" size="large" block loading={submitting} disabled={submitting} onClick={() => void handleSubmit()}>
          提交需求
        </Button>
        <Text className="need-form__privacy">需求提交给企业所在产业链党委，派单后承办部门接单办理</Text>
      </View>
    </View>
  );
}
