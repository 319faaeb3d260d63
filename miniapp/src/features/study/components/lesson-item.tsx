import { Text, View } from '@tarojs/components';
import { LESSON_KIND_LABELS, type LessonSummary } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDuration } from '../format';
import './lesson-item.scss';

interface LessonItemProps {
  lesson: LessonSummary;
  onClick: (lesson: LessonSummary) => void;
}

/** A lesson in a column, with its 已学 mark, or how far I got when I began it and stopped. */
export function LessonItem({ lesson, onClick }: LessonItemProps) {
  const begun = !lesson.completed && lesson.creditedSeconds > 0;
  return (
    <View className={`lesson-item${lesson.completed ? ' lesson-item--done' : ''}`} onClick={() => onClick(lesson)}>
      <View className="lesson-item__body">
        <Text className="lesson-item__title">{lesson.title}</Text>
        <Text className="lesson-item__summary">{lesson.summary}</Text>
        <View className="lesson-item__meta">
          <StatusTag text={LESSON_KIND_LABELS[lesson.kind]} tone={lesson.kind === 'VIDEO' ? 'info' : 'brand'} />
          <Text className="lesson-item__minutes">约 {lesson.minutes} 分钟</Text>
          {lesson.isSample ? <StatusTag text="示例内容" tone="muted" /> : null}
        </View>
        {begun ? (
          <View className="lesson-item__progress">
            <View className="lesson-item__track">
              <View className="lesson-item__bar" style={{ width: `${Math.min(100, Math.round((lesson.creditedSeconds / lesson.requiredSeconds) * 100))}%` }} />
            </View>
            <Text className="lesson-item__progress-text">
              已学 {formatDuration(lesson.creditedSeconds)}，共需 {formatDuration(lesson.requiredSeconds)}
            </Text>
          </View>
        ) : null}
      </View>
      {lesson.completed ? <Text className="lesson-item__done">已学</Text> : <Text className="lesson-item__todo">{begun ? '继续学' : '去学习'}</Text>}
    </View>
  );
}
