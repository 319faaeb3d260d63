import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Switch } from '@nutui/nutui-react-taro';
import { LEADERBOARD_NOTICE, type GroupBoardResponse, type LeaderboardResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { getBranchBoard, getChainBoard, getLeaderboard, setLeaderboardOptIn } from '@/features/study/api';
import { GroupBoard, PeopleBoard } from '@/features/study/components/leaderboard-list';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import './index.scss';

type Board = 'WEEK' | 'TOTAL' | 'branches' | 'chains';

const BOARDS: Array<{ key: Board; label: string }> = [
  { key: 'WEEK', label: '个人·本周' },
  { key: 'TOTAL', label: '个人·累计' },
  { key: 'branches', label: '支部' },
  { key: 'chains', label: '产业链' },
];

function fetchBoard(board: Board): Promise<LeaderboardResponse | GroupBoardResponse> {
  if (board === 'branches') {
    return getBranchBoard();
  }
  if (board === 'chains') {
    return getChainBoard();
  }
  return getLeaderboard(board);
}

const isPeople = (data: LeaderboardResponse | GroupBoardResponse): data is LeaderboardResponse => 'me' in data;

export default function LeaderboardPage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const [board, setBoard] = useState<Board>('WEEK');
  const [savingOptIn, setSavingOptIn] = useState(false);
  const [optedIn, setOptedIn] = useState<boolean>();
  // Each board is its own request: picking one loads it (showing its last answer meanwhile).
  const data = useQuery(() => fetchBoard(board), { key: `study:board:${board}`, enabled: signedIn });
  usePullToRefresh(data.reload);

  const current = data.data;
  const people = current && isPeople(current) ? current : undefined;
  const myOptIn = optedIn ?? people?.me.optedIn ?? false;

  const toggleOptIn = async (value: boolean) => {
    setSavingOptIn(true);
    try {
      await setLeaderboardOptIn({ optIn: value });
      setOptedIn(value);
      void Taro.showToast({ title: value ? '已参与排行' : '已退出排行', icon: 'none' });
      await data.reload();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setSavingOptIn(false);
    }
  };

  let content;
  if (current && isPeople(current) && current.scope === board) {
    content = current.items.length === 0 ? <EmptyState icon="rank" title="暂时还没有人参与排行" description="开启上方的“参与排行”，和大家一起学习进步" /> : <PeopleBoard items={current.items} myId={user?.id} />;
  } else if (current && !isPeople(current) && (board === 'branches' || board === 'chains')) {
    content = current.items.length === 0 ? <EmptyState icon="rank" title="本周暂无数据" /> : <GroupBoard items={current.items} />;
  } else if (data.error) {
    content = <ErrorState message={data.error.message} onRetry={() => void data.reload()} />;
  } else {
    content = <LoadingState cards={2} />;
  }

  return (
    <PageShell className="leaderboard-page">
      <View className="leaderboard-page__notice">
        <Text className="leaderboard-page__notice-text leaderboard-page__notice-text--strong">排行仅供个人学习激励参考，不作为考核评价依据</Text>
        <Text className="leaderboard-page__notice-text">{current?.notice ?? LEADERBOARD_NOTICE}</Text>
      </View>
      <View className="leaderboard-page__opt-in">
        <View className="leaderboard-page__opt-in-text">
          <Text className="leaderboard-page__opt-in-title">参与排行</Text>
          <Text className="leaderboard-page__opt-in-note">{myOptIn ? '你的姓名和积分会出现在个人榜单中' : '关闭时你不会出现在任何个人榜单中'}</Text>
        </View>
        <Switch className="leaderboard-page__switch" checked={myOptIn} disabled={savingOptIn || !people} onChange={(value) => void toggleOptIn(value)} />
      </View>
      <View className="leaderboard-page__tabs">
        {BOARDS.map((item) => (
          <Text key={item.key} className={`leaderboard-page__tab${item.key === board ? ' leaderboard-page__tab--active' : ''}`} onClick={() => setBoard(item.key)}>
            {item.label}
          </Text>
        ))}
      </View>
      {people && people.scope === board ? (
        <View className="leaderboard-page__me">
          <Text className="leaderboard-page__me-text">
            我的{board === 'WEEK' ? '本周' : '累计'}积分 {people.me.points}
          </Text>
          <Text className="leaderboard-page__me-rank">{people.me.optedIn ? (people.me.rank ? `第 ${people.me.rank} 名` : '暂未上榜') : '未参与排行'}</Text>
        </View>
      ) : null}
      {board === 'branches' || board === 'chains' ? <Text className="leaderboard-page__hint">按本周参与率与人均积分展示，不列出个人</Text> : null}
      <View className="leaderboard-page__body">{content}</View>
    </PageShell>
  );
}
