import { Text, View } from '@tarojs/components';
import type { GroupBoardItem, LeaderboardEntry } from '@torch-red/shared';
import { formatPercent } from '../format';
import './leaderboard-list.scss';

/** Top people who chose to appear; my own line is highlighted. */
export function PeopleBoard({ items, myId }: { items: LeaderboardEntry[]; myId: string | undefined }) {
  return (
    <View className="board-list">
      {items.map((entry) => (
        <View key={entry.userId} className={`board-list__row${entry.userId === myId ? ' board-list__row--me' : ''}`}>
          <Text className={`board-list__rank${entry.rank <= 3 ? ` board-list__rank--top${entry.rank}` : ''}`}>{entry.rank}</Text>
          <Text className="board-list__name">{entry.name}</Text>
          <Text className="board-list__points">{entry.points} 分</Text>
        </View>
      ))}
    </View>
  );
}

/** Branches or chains: participation rate and average, no individuals. */
export function GroupBoard({ items }: { items: GroupBoardItem[] }) {
  return (
    <View className="board-list">
      {items.map((item) => (
        <View key={item.id} className="board-list__group">
          <View className="board-list__group-head">
            <Text className="board-list__group-name">{item.name}</Text>
            <Text className="board-list__group-average">人均 {item.averagePoints.toFixed(1)} 分</Text>
          </View>
          <View className="board-list__track">
            <View className="board-list__bar" style={{ width: formatPercent(item.participationRate) }} />
          </View>
          <Text className="board-list__group-meta">
            本周参与率 {formatPercent(item.participationRate)}（{item.participantCount}/{item.memberCount} 人）
          </Text>
        </View>
      ))}
    </View>
  );
}
