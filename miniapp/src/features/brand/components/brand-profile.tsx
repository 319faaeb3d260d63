import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ImageResponse, PostResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { BrandCover } from './brand-cover';
import { BrandGallery } from './brand-gallery';
import { PostCard } from './post-card';
import { StoryBlocks, type RenderedBlock } from './story-blocks';
import './brand-profile.scss';

export interface BrandProfileContent {
  name: string;
  slogan: string;
  cover: ImageResponse | null;
  honours: string[];
  story: RenderedBlock[];
  gallery: ImageResponse[];
  posts: PostResponse[];
  /** `明阳风电 · 风电装备产业链` */
  place?: string;
  demoPoint?: string | null;
  isSample?: boolean;
}

interface BrandProfileProps {
  brand: BrandProfileContent;
  /** Under the headline: the like bar for members, the decision for reviewers. */
  afterHeader?: ReactNode;
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <View className={`brand-profile__section${className ? ` ${className}` : ''}`}>
      <Text className="brand-profile__section-title">{title}</Text>
      {children}
    </View>
  );
}

/** The brand page body: cover, slogan, honours, story, gallery and pioneer posts. */
export function BrandProfile({ brand, afterHeader }: BrandProfileProps) {
  return (
    <View className="brand-profile">
      <View className="brand-profile__cover">
        <BrandCover name={brand.name} cover={brand.cover} size="full" />
        <View className="brand-profile__shade" />
        <View className="brand-profile__headline">
          <View className="brand-profile__badges">
            {brand.demoPoint ? <Text className="brand-profile__demo">{brand.demoPoint}</Text> : null}
            {brand.isSample ? <Text className="brand-profile__sample">示例</Text> : null}
          </View>
          <Text className="brand-profile__name">{brand.name}</Text>
          {brand.place ? <Text className="brand-profile__place">{brand.place}</Text> : null}
        </View>
      </View>

      <View className="brand-profile__card brand-profile__intro">
        {brand.slogan ? (
          <View className="brand-profile__slogan">
            <Text className="brand-profile__quote">“</Text>
            <Text className="brand-profile__slogan-text">{brand.slogan}</Text>
          </View>
        ) : null}
        {brand.honours.length > 0 ? (
          <View className="brand-profile__honours">
            {brand.honours.map((honour) => (
              <StatusTag key={honour} text={honour} tone="gold" />
            ))}
          </View>
        ) : null}
        {afterHeader ? <View className="brand-profile__after-header">{afterHeader}</View> : null}
      </View>

      {brand.story.length > 0 ? (
        <Section title="品牌故事" className="brand-profile__story">
          <StoryBlocks blocks={brand.story} />
        </Section>
      ) : null}

      {brand.gallery.length > 0 ? (
        <Section title={`风采展示 · ${brand.gallery.length}`} className="brand-profile__gallery">
          <BrandGallery images={brand.gallery} />
        </Section>
      ) : null}

      <Section title="党员先锋岗 · 责任区" className="brand-profile__posts">
        {brand.posts.length > 0 ? (
          brand.posts.map((post) => <PostCard key={post.id} post={post} />)
        ) : (
          <Text className="brand-profile__none">暂未设立党员先锋岗或责任区</Text>
        )}
      </Section>
    </View>
  );
}
