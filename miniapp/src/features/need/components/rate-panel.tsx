import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { RateNeedRequest } from '@torch-red/shared';
import { RatingStars } from './rating-stars';
import './rate-panel.scss';

interface RatePanelProps {
  onRate: (body: RateNeedRequest) => Promise<void>;
  /** Shown only when the need may be reopened. */
  onReopen?: () => void;
}

/** 评价: the raiser confirms and rates the handling, or says it is not solved. */
export function RatePanel({ onRate, onReopen }: RatePanelProps) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const handleRate = async () => {
    if (rating === 0) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      await onRate({ rating, comment: comment.trim() === '' ? null : comment.trim() });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="rate-panel">
      <Text className="rate-panel__title">问题解决了吗？请为这次办理打分</Text>
      <RatingStars
        value={rating}
        onChange={(value) => {
          setRating(value);
          setMissing(false);
        }}
      />
      {missing ? <Text className="rate-panel__error">请先点星评分</Text> : null}
      <TextArea className="rate-panel__comment" value={comment} placeholder="说说办理的速度、态度和效果（选填）" maxLength={500} rows={3} onChange={setComment} />
      <Button className="rate-panel__submit" type="primary" shape="round" block loading={busy} disabled={busy} onClick={() => void handleRate()}>
        确认办结并评价
      </Button>
      {onReopen ? (
        <Text className="rate-panel__reopen" onClick={onReopen}>
          问题没有解决？重新提出 ›
        </Text>
      ) : null}
    </View>
  );
}
