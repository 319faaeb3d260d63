import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { BrandWorkspaceResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { BrandChanges } from './brand-changes';
import { BrandCover } from './brand-cover';
import { BrandGallery } from './brand-gallery';
import { PostCard } from './post-card';
import { StoryBlocks } from './story-blocks';
import './review-card.scss';

interface ReviewCardProps {
  brand: BrandWorkspaceResponse;
  busy?: boolean;
  onApprove: () => void;
  onReturn: () => void;
}

/** One submitted brand, shown in full so the reviewer can judge it, with the decision underneath. */
export function ReviewCard({ brand, busy = false, onApprove, onReturn }: ReviewCardProps) {
  const { content } = brand;
  const known = new Map(brand.gallery.map((image) => [image.id, image]));
  if (brand.cover) known.set(brand.cover.id, brand.cover);
  for (const image of brand.storyImages) known.set(image.id, image);
  const story = content.story.map((block) => (block.type === 'image' ? { ...block, image: known.get(block.imageId) } : block));
  const unseenImages = story.filter((block) => block.type === 'image' && !block.image).length;

  return (
    <View className="review-card">
      <View className="review-card__meta">
        <Text className="review-card__org">{brand.orgName}</Text>
        <StatusTag text={brand.hasPublishedVersion ? '修改已发布品牌' : '首次提交'} tone={brand.hasPublishedVersion ? 'info' : 'gold'} />
      </View>
      {brand.submittedAt ? <Text className="review-card__submitted">{formatDateTime(brand.submittedAt)} 提交</Text> : null}
      <BrandChanges brand={brand} />
      <View className="review-card__cover">
        <BrandCover name={content.name} cover={brand.cover} />
      </View>
      <Text className="review-card__name">{content.name}</Text>
      {content.slogan ? <Text className="review-card__slogan">{content.slogan}</Text> : null}
      {content.honours.length > 0 ? (
        <View className="review-card__honours">
          {content.honours.map((honour) => (
            <StatusTag key={honour} text={honour} tone="gold" />
          ))}
        </View>
      ) : null}
      <Text className="review-card__section">品牌故事</Text>
      {story.length > 0 ? <StoryBlocks blocks={story} /> : <Text className="review-card__none">未填写</Text>}
      {unseenImages > 0 ? <Text className="review-card__none">另有 {unseenImages} 张正文图片，通过后可在品牌页查看</Text> : null}
      {brand.gallery.length > 0 ? (
        <>
          <Text className="review-card__section">风采展示 · {brand.gallery.length}</Text>
          <BrandGallery images={brand.gallery} />
        </>
      ) : null}
      <Text className="review-card__section">党员先锋岗 · 责任区 · {brand.posts.length}</Text>
      {brand.posts.length > 0 ? brand.posts.map((post) => <PostCard key={post.id} post={post} reviews={1} />) : <Text className="review-card__none">未设立</Text>}
      <View className="review-card__actions">
        <Button className="review-card__return" shape="round" fill="outline" type="primary" disabled={busy} onClick={onReturn}>
          退回修改
        </Button>
        <Button className="review-card__approve" shape="round" type="primary" loading={busy} disabled={busy} onClick={onApprove}>
          通过并发布
        </Button>
      </View>
    </View>
  );
}
