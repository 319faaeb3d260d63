import { Text, View } from '@tarojs/components';
import { RATING_WORDS } from '../format';
import './rating-stars.scss';

interface RatingStarsProps {
  value: number;
  /** Read-only when absent. */
  onChange?: (value: number) => void;
}

/** 1–5 stars with the word for the chosen score (满意 …). */
export function RatingStars({ value, onChange }: RatingStarsProps) {
  return (
    <View className={`rating-stars${onChange ? ' rating-stars--editable' : ''}`}>
      {[1, 2, 3, 4, 5].map((score) => (
        <Text
          key={score}
          className={`rating-stars__star${score <= value ? ' rating-stars__star--on' : ''}`}
          data-score={score}
          onClick={onChange ? () => onChange(score) : undefined}
        >
          ★
        </Text>
      ))}
      <Text className="rating-stars__word">{value > 0 ? RATING_WORDS[value] : onChange ? '请点星评分' : ''}</Text>
    </View>
  );
}
