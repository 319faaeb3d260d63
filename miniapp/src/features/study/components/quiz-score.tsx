import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { QuizResult } from '@torch-red/shared';
import { ROUTES } from '@/services/routes';
import './quiz-score.scss';

interface QuizScoreProps {
  result: QuizResult;
  /** Papers: score in percent and the pass mark. */
  paper?: { score: number; passed: boolean; passScore: number };
}

/** The card above the answers once submitted. */
export function QuizScore({ result, paper }: QuizScoreProps) {
  let headline = `答对 ${result.correctCount}/${result.total} 题`;
  if (paper) {
    headline = paper.passed ? '恭喜，测试通过' : '未达及格线，再接再厉';
  }
  return (
    <View className={`quiz-score${paper && !paper.passed ? ' quiz-score--failed' : ''}`}>
      <Text className="quiz-score__headline">{headline}</Text>
      <View className="quiz-score__figures">
        {paper ? (
          <View className="quiz-score__figure">
            <Text className="quiz-score__value">{paper.score}</Text>
            <Text className="quiz-score__label">得分（及格 {paper.passScore}）</Text>
          </View>
        ) : null}
        <View className="quiz-score__figure">
          <Text className="quiz-score__value">
            {result.correctCount}/{result.total}
          </Text>
          <Text className="quiz-score__label">答对题数</Text>
        </View>
        <View className="quiz-score__figure">
          <Text className="quiz-score__value quiz-score__points">+{result.pointsAwarded}</Text>
          <Text className="quiz-score__label">获得积分</Text>
        </View>
      </View>
      {result.flagged ? <Text className="quiz-score__note">作答用时过短，本次未计积分。请认真阅读题目后作答。</Text> : null}
      <Text className="quiz-score__guide">下面逐题列出你的选择和正确答案，答错的选项标为红色。</Text>
      <Button className="quiz-score__back" shape="round" onClick={() => void Taro.switchTab({ url: ROUTES.study })}>
        回到学习
      </Button>
    </View>
  );
}
