import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { ListFooter } from '@/components/list-footer';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listPointHistory } from '@/features/study/api';
import { PointLineItem } from '@/features/study/components/point-line-item';
import { RuleProgress } from '@/features/study/components/rule-progress';
import { formatDuration } from '@/features/study/format';
import { useMyPoints } from '@/features/study/hooks/use-my-points';
import { usePagedList } from '@/hooks/use-paged-list';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { ROUTES } from '@/services/routes';
import './index.scss';

export default function MyPointsPage() {
  const signedIn = useRequireSession();
  const points = useMyPoints(signedIn);
  const history = usePagedList((cursor) => listPointHistory({ limit: 20, cursor }), { key: 'study:points:history', enabled: signedIn });
  usePullToRefresh(points.reload, history.reload);
  useReachBottom(() => {
    void history.loadMore();
  });

  // The history has its own quiet notes under the figures, not a page-wide state.
  let lines;
  if (history.error && history.items.length === 0) {
    lines = <Text className="my-points-page__note">积分明细加载失败，下拉刷新重试</Text>;
  } else if (history.loading && history.items.length === 0) {
    lines = <Text className="my-points-page__note">正在加载…</Text>;
  } else if (history.items.length === 0) {
    lines = <Text className="my-points-page__note">还没有积分记录，去学一篇文章或答一次题吧</Text>;
  } else {
    lines = history.items.map((line) => <PointLineItem key={line.id} line={line} />);
  }

  return (
    <PageShell className="my-points-page">
      <QueryView query={points} stateClassName="my-points-page__state">
        {(data) => (
          <>
            <View className="my-points-page__hero">
              <Text className="my-points-page__today-label">今日积分</Text>
              <Text className="my-points-page__today">{data.today}</Text>
              <View className="my-points-page__figures">
                <Text className="my-points-page__figure">本周 {data.week}</Text>
                <Text className="my-points-page__figure">累计 {data.total}</Text>
                <Text className="my-points-page__figure">今日学习 {formatDuration(data.todayStudySeconds)}</Text>
              </View>
              {data.checkedInToday ? null : <Text className="my-points-page__checkin">今日尚未签到：打开任意文章或每日答题即完成签到，签到后获得的积分才会计入</Text>}
            </View>
            <View className="my-points-page__body">
              <View className="my-points-page__heading">
                <Text className="my-points-page__heading-title">今日进度</Text>
                <Text className="my-points-page__link" onClick={() => void Taro.navigateTo({ url: ROUTES.leaderboard })}>
                  学习排行 ›
                </Text>
              </View>
              <RuleProgress rules={data.rules} />
              <View className="my-points-page__heading">
                <Text className="my-points-page__heading-title">积分明细</Text>
              </View>
              <View className="my-points-page__history">{lines}</View>
              <ListFooter loadingMore={history.loadingMore} hasMore={history.hasMore} count={history.items.length} />
            </View>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
