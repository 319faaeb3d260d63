import { Text, View } from '@tarojs/components';
import type { PointLine } from '@torch-red/shared';
import { formatLineTime } from '../format';
import './point-line-item.scss';

/** One ledger line: what earned it, the rule behind it, when. */
export function PointLineItem({ line }: { line: PointLine }) {
  return (
    <View className={`point-line point-line--${line.rule.toLowerCase()}`}>
      <View className="point-line__text">
        <Text className="point-line__label">{line.ruleLabel}</Text>
        <Text className="point-line__rule">{line.ruleDescription}</Text>
        <Text className="point-line__time">{formatLineTime(line.createdAt)}</Text>
      </View>
      <Text className="point-line__points">{line.points > 0 ? `+${line.points}` : line.points}</Text>
    </View>
  );
}
