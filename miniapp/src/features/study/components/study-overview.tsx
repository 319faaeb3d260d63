import { Text, View } from '@tarojs/components';
import type { MyPointsResponse } from '@torch-red/shared';
import { formatDuration } from '../format';
import './study-overview.scss';

export type StudyEntry = 'quiz' | 'papers' | 'points' | 'leaderboard';

interface StudyOverviewProps {
  points: MyPointsResponse | undefined;
  onOpen: (entry: StudyEntry) => void;
}

const ENTRIES: Array<{ key: StudyEntry; icon: string; title: string; note: string }> = [
  { key: 'quiz', icon: '答', title: '每日答题', note: '5 题 · 每日一次' },
  { key: 'papers', icon: '测', title: '专题测试', note: '限时作答' },
  { key: 'points', icon: '分', title: '我的积分', note: '明细与规则' },
  { key: 'leaderboard', icon: '榜', title: '学习排行', note: '自愿参与' },
];

/** 学习 tab header: today's points and study time, and the four ways in. */
export function StudyOverview({ points, onOpen }: StudyOverviewProps) {
  return (
    <View className="study-overview">
      <View className="study-overview__hero">
        <View className="study-overview__figure">
          <Text className="study-overview__value">{points ? points.today : '—'}</Text>
          <Text className="study-overview__label">今日积分</Text>
        </View>
        <View className="study-overview__figure">
          <Text className="study-overview__value">{points ? points.total : '—'}</Text>
          <Text className="study-overview__label">累计积分</Text>
        </View>
        <View className="study-overview__figure">
          <Text className="study-overview__value study-overview__value--small">{points ? formatDuration(points.todayStudySeconds) : '—'}</Text>
          <Text className="study-overview__label">今日学习</Text>
        </View>
      </View>
      <View className="study-overview__entries">
        {ENTRIES.map((entry) => (
          <View key={entry.key} className={`study-overview__entry study-overview__entry--${entry.key}`} onClick={() => onOpen(entry.key)}>
            <View className="study-overview__icon">
              <Text className="study-overview__icon-text">{entry.icon}</Text>
            </View>
            <Text className="study-overview__entry-title">{entry.title}</Text>
            <Text className="study-overview__entry-note">{entry.note}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
