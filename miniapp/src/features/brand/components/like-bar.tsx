import { Text, View } from '@tarojs/components';
import { formatCount, NO_RANKING_NOTE } from '../format';
import './like-bar.scss';

interface LikeBarProps {
  liked: boolean;
  likeCount: number;
  viewCount: number;
  onToggle: () => void;
}

/** Views, the like button and the promise that neither ranks anyone. */
export function LikeBar({ liked, likeCount, viewCount, onToggle }: LikeBarProps) {
  return (
    <View className="like-bar">
      <View className="like-bar__row">
        <Text className="like-bar__views">浏览 {formatCount(viewCount)}</Text>
        <View className={`like-bar__button${liked ? ' like-bar__button--liked' : ''}`} onClick={onToggle}>
          <Text className="like-bar__heart">{liked ? '♥' : '♡'}</Text>
          <Text className="like-bar__label">{liked ? '已点赞' : '点赞'}</Text>
          <Text className="like-bar__count">{formatCount(likeCount)}</Text>
        </View>
      </View>
      <Text className="like-bar__note">{NO_RANKING_NOTE}</Text>
    </View>
  );
}
