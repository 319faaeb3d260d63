import { Text, View } from '@tarojs/components';
import type { LessonDetail } from '@torch-red/shared';
import { formatDuration } from '../format';
import type { StudyClock } from '../hooks/use-study-heartbeat';
import './study-clock-bar.scss';

interface StudyClockBarProps {
  lesson: Pick<LessonDetail, 'creditedSeconds' | 'requiredSeconds' | 'completed'>;
  clock: StudyClock;
}

const STATUS_TEXT: Record<StudyClock['status'], string> = {
  starting: '正在开始计时…',
  running: '计时中 · 离开页面后暂停',
  paused: '已暂停计时',
  failed: '计时未能开始，下拉刷新重试',
};

/** The time the server credited for this lesson: what counts, not what a client clock says. */
export function StudyClockBar({ lesson, clock }: StudyClockBarProps) {
  const total = clock.session?.lessonCreditedSeconds ?? lesson.creditedSeconds;
  const required = clock.session?.requiredSeconds ?? lesson.requiredSeconds;
  const completed = clock.session?.completed ?? lesson.completed;
  const share = required > 0 ? Math.min(1, total / required) : 1;

  return (
    <View className={`study-clock${completed ? ' study-clock--done' : ''}`}>
      <View className="study-clock__row">
        <Text className="study-clock__credited">
          本次已计学习时长 <Text className="study-clock__figure">{formatDuration(clock.creditedThisVisit)}</Text>
        </Text>
        {completed ? <Text className="study-clock__done">已学</Text> : null}
      </View>
      <View className="study-clock__track">
        <View className="study-clock__bar" style={{ width: `${Math.round(share * 100)}%` }} />
      </View>
      <View className="study-clock__row study-clock__row--meta">
        <Text className="study-clock__meta">{completed ? `累计 ${formatDuration(total)}，本篇已计入已学` : `累计 ${formatDuration(total)} / 学满 ${formatDuration(required)} 计为已学`}</Text>
        <Text className="study-clock__status">{clock.pointsThisVisit > 0 ? `本次 +${clock.pointsThisVisit} 积分` : STATUS_TEXT[clock.status]}</Text>
      </View>
    </View>
  );
}
