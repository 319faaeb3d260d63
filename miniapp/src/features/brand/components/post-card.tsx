import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { POST_KIND_LABELS, type PostResponse } from '@torch-red/shared';
import { Avatar } from '@/components/avatar';
import { StatusTag } from '@/components/status-tag';
import { formatDate } from '@/lib/datetime';
import './post-card.scss';

interface PostCardProps {
  post: PostResponse;
  /** How many of the latest reviews to show. */
  reviews?: number;
  footer?: ReactNode;
}


/** 党员先锋岗 / 党员责任区: where it is, who holds it, what they promise and how they did. */
export function PostCard({ post, reviews = 2, footer }: PostCardProps) {
  const latest = [...post.reviews].sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn)).slice(0, reviews);
  return (
    <View className="post-card">
      <View className="post-card__head">
        <StatusTag text={POST_KIND_LABELS[post.kind]} tone={post.kind === 'PIONEER_POST' ? 'brand' : 'gold'} />
        <Text className="post-card__name">{post.name}</Text>
      </View>
      {post.enterpriseName || post.workshop ? (
        <Text className="post-card__place">{[post.enterpriseName, post.workshop].filter(Boolean).join(' · ')}</Text>
      ) : null}
      {post.holders.length > 0 ? (
        <View className="post-card__holders">
          {post.holders.map((holder) => (
            <View key={holder.id} className="post-card__holder">
              <Avatar name={holder.name} />
              <Text className="post-card__holder-name">{holder.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {post.commitment ? (
        <View className="post-card__commitment">
          <Text className="post-card__label">承诺</Text>
          <Text className="post-card__commitment-text">{post.commitment}</Text>
        </View>
      ) : null}
      {latest.length > 0 ? (
        <View className="post-card__reviews">
          {latest.map((review) => (
            <View key={review.id} className="post-card__review">
              <Text className="post-card__review-meta">
                {formatDate(review.reviewedOn)} 点评 · {review.reviewerName}
              </Text>
              <Text className="post-card__review-note">{review.note}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {footer ? <View className="post-card__footer">{footer}</View> : null}
    </View>
  );
}
