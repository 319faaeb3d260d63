import { Text, View } from '@tarojs/components';
import type { StudyColumnResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import './column-card.scss';

interface ColumnCardProps {
  column: StudyColumnResponse;
  onClick: (column: StudyColumnResponse) => void;
}

/** 学习: a column (专栏) with how much of it I have read. */
export function ColumnCard({ column, onClick }: ColumnCardProps) {
  const share = column.lessonCount > 0 ? column.completedCount / column.lessonCount : 0;
  return (
    <View className="column-card" onClick={() => onClick(column)}>
      <View className="column-card__badge">
        <Text className="column-card__badge-text">{column.name.slice(0, 1)}</Text>
      </View>
      <View className="column-card__body">
        <View className="column-card__title-row">
          <Text className="column-card__name">{column.name}</Text>
          {column.isSample ? <StatusTag text="示例内容" tone="muted" /> : null}
        </View>
        <Text className="column-card__description">{column.description}</Text>
        <View className="column-card__progress">
          <View className="column-card__track">
            <View className="column-card__bar" style={{ width: `${Math.round(share * 100)}%` }} />
          </View>
          <Text className="column-card__count">
            已学 {column.completedCount}/{column.lessonCount}
          </Text>
        </View>
      </View>
    </View>
  );
}
