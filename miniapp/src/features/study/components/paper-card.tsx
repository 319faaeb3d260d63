import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PAPER_MODE_LABELS, type PaperResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import './paper-card.scss';

interface PaperCardProps {
  paper: PaperResponse;
  busy: boolean;
  onStart: (paper: PaperResponse) => void;
}

/** 专题测试: a paper with its limits, my attempts and best score. */
export function PaperCard({ paper, busy, onStart }: PaperCardProps) {
  const left = paper.maxAttempts - paper.attemptsUsed;
  const passed = paper.bestScore !== null && paper.bestScore >= paper.passScore;
  return (
    <View className="paper-card">
      <View className="paper-card__head">
        <Text className="paper-card__title">{paper.title}</Text>
        {paper.bestScore !== null ? <StatusTag text={passed ? '已通过' : '未通过'} tone={passed ? 'success' : 'muted'} /> : null}
      </View>
      <Text className="paper-card__description">{paper.description}</Text>
      <View className="paper-card__facts">
        <Text className="paper-card__fact">{PAPER_MODE_LABELS[paper.mode]}</Text>
        <Text className="paper-card__fact">{paper.questionCount} 题</Text>
        <Text className="paper-card__fact">限时 {paper.timeLimitMinutes} 分钟</Text>
        <Text className="paper-card__fact">及格 {paper.passScore} 分</Text>
      </View>
      <View className="paper-card__foot">
        <Text className="paper-card__attempts">
          {paper.bestScore !== null ? `最高 ${paper.bestScore} 分 · ` : ''}剩余 {Math.max(0, left)}/{paper.maxAttempts} 次
        </Text>
        <Button className="paper-card__start" type="primary" shape="round" size="small" disabled={left <= 0} loading={busy} onClick={() => onStart(paper)}>
          {left <= 0 ? '次数已用完' : paper.attemptsUsed > 0 ? '再测一次' : '开始测试'}
        </Button>
      </View>
    </View>
  );
}
