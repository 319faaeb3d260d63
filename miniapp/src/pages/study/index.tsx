import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudyColumnResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listColumns } from '@/features/study/api';
import { ColumnCard } from '@/features/study/components/column-card';
import { StudyOverview, type StudyEntry } from '@/features/study/components/study-overview';
import { useMyPoints } from '@/features/study/hooks/use-my-points';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

const ENTRY_ROUTES = {
  quiz: ROUTES.dailyQuiz,
  papers: ROUTES.papers,
  points: ROUTES.myPoints,
  leaderboard: ROUTES.leaderboard,
} as const satisfies Record<StudyEntry, string>;

export default function StudyPage() {
  const signedIn = useRequireSession();
  // Both reload on show: back from a lesson or the quiz, progress and points have moved.
  const columns = useQuery(listColumns, { key: 'study:columns', enabled: signedIn, refreshOnShow: true });
  const points = useMyPoints(signedIn);
  usePullToRefresh(columns.reload, points.reload);

  const openColumn = (column: StudyColumnResponse) => {
    void Taro.navigateTo({ url: withQuery(ROUTES.studyColumn, { id: column.id, name: column.name }) });
  };

  return (
    <PageShell className="study-page">
      <StudyOverview points={points.data} onOpen={(entry) => void Taro.navigateTo({ url: ENTRY_ROUTES[entry] })} />
      <View className="study-page__body">
        <Text className="study-page__heading">学习专栏</Text>
        <QueryView query={columns} empty={<EmptyState icon="study" title="暂无学习专栏" description="组织发布学习内容后会出现在这里" />}>
          {(data) => data.map((column) => <ColumnCard key={column.id} column={column} onClick={openColumn} />)}
        </QueryView>
      </View>
    </PageShell>
  );
}
