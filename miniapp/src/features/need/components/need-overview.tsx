import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NEED_CATEGORY_LABELS, NEED_URGENCY_LABELS, type NeedDetail } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { imageSrc } from '@/features/brand/image-src';
import { URGENCY_TONES } from '@/features/need/format';

/** What was asked and what was answered: the need's category, urgency, text, photos and raiser, then the answer (styled by need-detail-body.scss). */
export function NeedOverview({ need }: { need: NeedDetail }) {
  return (
    <>
      <View className="need-detail-page__card">
        <View className="need-detail-page__meta-row">
          <StatusTag text={NEED_CATEGORY_LABELS[need.category]} tone="brand" />
          <StatusTag text={NEED_URGENCY_LABELS[need.urgency]} tone={URGENCY_TONES[need.urgency]} />
          {need.isSample ? <StatusTag text="示例" tone="muted" /> : null}
        </View>
        <Text className="need-detail-page__description">{need.description}</Text>
        {need.images.length > 0 ? (
          <View className="need-detail-page__images">
            {need.images.map((image) => (
              <Image
                key={image.id}
                className="need-detail-page__image"
                src={imageSrc(image.thumbUrl)}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ current: imageSrc(image.url), urls: need.images.map((item) => imageSrc(item.url)) })}
              />
            ))}
          </View>
        ) : null}
        <Text className="need-detail-page__who">
          {need.enterpriseName} · {need.raisedByName} · {formatDateTime(need.createdAt)} 提出
        </Text>
      </View>

      {need.answer ? (
        <View className="need-detail-page__card need-detail-page__answer">
          <Text className="need-detail-page__section">答复{need.resolvedAt ? ` · ${formatDateTime(need.resolvedAt)}` : ''}</Text>
          <Text className="need-detail-page__answer-text">{need.answer}</Text>
        </View>
      ) : null}
    </>
  );
}
