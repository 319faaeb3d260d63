import { useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { StudyColumnResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getMyPoints, listColumns } from '@/features/study/api';
import { ColumnCard } from '@/features/study/components/column-card';
import { StudyOverview, type StudyEntry } from '@/features/study/components/study-overview';
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
  const columns = useQuery(listColumns, signedIn);
  const points = useQuery(getMyPoints, signedIn);
  const shownBefore = useRef(false);

  useDidShow(() => {
    // Back from a lesson or the quiz: progress and points have moved.
    if (shownBefore.current && signedIn) {
      void columns.reload();
      void points.reload();
    }
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([columns.reload(), points.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const openColumn = (column: StudyColumnResponse) => {
    void Taro.navigateTo({ url: withQuery(ROUTES.studyColumn, { id: column.id, name: column.name }) });
  };

  let content;
  if (columns.data && columns.data.length === 0) {
    content = <EmptyState title="暂无学习专栏" description="组织发布学习内容后会出现在这里" />;
  } else if (columns.data) {
    content = columns.data.map((column) => <ColumnCard key={column.id} column={column} onClick={openColumn} />);
  } else if (columns.error) {
    content = <ErrorState message={columns.error.message} onRetry={() => void columns.reload()} />;
  } else {
    content = <LoadingState cards={3} />;
  }

  return (
    <PageShell className="study-page">
      <StudyOverview points={points.data} onOpen={(entry) => void Taro.navigateTo({ url: ENTRY_ROUTES[entry] })} />
      <View className="study-page__body">
        <Text className="study-page__heading">学习专栏</Text>
        {content}
      </View>
    </PageShell>
  );
}
