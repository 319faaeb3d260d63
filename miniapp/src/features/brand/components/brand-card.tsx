import { Text, View } from '@tarojs/components';
import type { BrandSummary } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { brandPlace, demoPointLabel, formatCount } from '../format';
import { BrandCover } from './brand-cover';
import './brand-card.scss';

interface BrandCardProps {
  brand: BrandSummary;
  onClick?: (brand: BrandSummary) => void;
}

/** 品牌 tab: one branch brand with its cover, slogan, honours and counts. */
export function BrandCard({ brand, onClick }: BrandCardProps) {
  const demoPoint = demoPointLabel(brand);
  return (
    <View className={`brand-card${brand.isDemoPoint ? ' brand-card--demo' : ''}`} onClick={() => onClick?.(brand)}>
      <View className="brand-card__cover">
        <BrandCover name={brand.name} cover={brand.cover} />
        {demoPoint ? <Text className="brand-card__demo">{demoPoint}</Text> : null}
        {brand.isSample ? <Text className="brand-card__sample">示例</Text> : null}
      </View>
      <View className="brand-card__body">
        <Text className="brand-card__name">{brand.name}</Text>
        {brand.slogan ? <Text className="brand-card__slogan">{brand.slogan}</Text> : null}
        {brand.honours.length > 0 ? (
          <View className="brand-card__honours">
            {brand.honours.map((honour) => (
              <StatusTag key={honour} className="brand-card__honour" text={honour} tone="gold" />
            ))}
          </View>
        ) : null}
        <View className="brand-card__bottom">
          <Text className="brand-card__place">{brandPlace(brand)}</Text>
          <Text className="brand-card__counts">
            浏览 {formatCount(brand.viewCount)} · 点赞 {formatCount(brand.likeCount)}
          </Text>
        </View>
      </View>
    </View>
  );
}
