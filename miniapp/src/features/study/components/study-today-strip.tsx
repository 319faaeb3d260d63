import { Text, View } from '@tarojs/components';
import type { MyPointsResponse } from '@torch-red/shared';
import './study-today-strip.scss';

interface StudyTodayStripProps {
  points: MyPointsResponse | undefined;
  onQuiz: () => void;
  onPoints: () => void;
}

/** 首页: a small strip into the daily quiz and today's points. */
export function StudyTodayStrip({ points, onQuiz, onPoints }: StudyTodayStripProps) {
  const quiz = points?.rules.find((rule) => rule.rule === 'DAILY_QUIZ');
  const quizDone = quiz !== undefined && quiz.today > 0;
  return (
    <View className="study-today-strip">
      <View className="study-today-strip__item study-today-strip__item--quiz" onClick={onQuiz}>
        <Text className="study-today-strip__icon">答</Text>
        <View className="study-today-strip__text">
          <Text className="study-today-strip__title">每日答题</Text>
          <Text className="study-today-strip__note">{quizDone ? '今日已完成，看看解析' : '5 道题，学一学再答'}</Text>
        </View>
      </View>
      <View className="study-today-strip__divider" />
      <View className="study-today-strip__item study-today-strip__item--points" onClick={onPoints}>
        <Text className="study-today-strip__icon study-today-strip__icon--gold">分</Text>
        <View className="study-today-strip__text">
          <Text className="study-today-strip__title">
            今日积分 <Text className="study-today-strip__figure">{points ? points.today : '—'}</Text>
          </Text>
          <Text className="study-today-strip__note">{points ? `累计 ${points.total} 分` : '查看积分明细'}</Text>
        </View>
      </View>
    </View>
  );
}
