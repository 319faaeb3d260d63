import { Text, View } from '@tarojs/components';
import { LESSON_KIND_LABELS, type LessonSummary } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import './lesson-item.scss';

interface LessonItemProps {
  lesson: LessonSummary;
  onClick: (lesson: LessonSummary) => void;
}

/** A lesson in a column, with its 已学 mark. */
export function LessonItem({ lesson, onClick }: LessonItemProps) {
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
      </View>
      {lesson.completed ? <Text className="lesson-item__done">已学</Text> : <Text className="lesson-item__todo">去学习</Text>}
    </View>
  );
}
