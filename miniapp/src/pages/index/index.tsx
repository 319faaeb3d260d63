import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BrandHeader } from '@/components/brand-header';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { UpcomingActivities } from '@/features/activity/components/upcoming-activities';
import { useUpcomingActivities } from '@/features/activity/hooks/use-upcoming-activities';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { useQuery } from '@/hooks/use-query';
import { getMe } from '@/features/auth/api';
import { WhistleEntry } from '@/features/need/components/whistle-entry';
import { getTodo } from '@/features/todo/api';
import { TodoCard } from '@/features/todo/components/todo-card';
import { ChainMap } from '@/features/org/components/chain-map';
import { useChains } from '@/features/org/hooks/use-chains';
import { StudyTodayStrip } from '@/features/study/components/study-today-strip';
import { useMyPoints } from '@/features/study/hooks/use-my-points';
import { TalkCard } from '@/features/talk/components/talk-card';
import { pickNextTalk } from '@/features/talk/format';
import { useTalks } from '@/features/talk/hooks/use-talks';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function IndexPage() {
  const signedIn = useRequireSession();
  const chains = useChains(signedIn);
  const { user } = useSession();
  // Read again on every show: binding or an approved join request gives the person a branch.
  const me = useQuery(getMe, { key: 'me', enabled: signedIn, refreshOnShow: true });
  const branch = me.data ?? user;
  const branchId = branch?.orgId;
  const branchActivities = useUpcomingActivities(3, signedIn && branchId !== undefined, branchId);
  const upcoming = useUpcomingActivities(3, signedIn);
  const talks = useTalks(signedIn);
  const points = useMyPoints(signedIn);
  const nextTalk = talks.data ? pickNextTalk(talks.data.items) : null;
  // The role's work first; counted again whenever 首页 shows (back from approving, dispatching, …).
  const todo = useQuery(getTodo, { key: 'me:todo', enabled: signedIn, refreshOnShow: true });

  usePullToRefresh(chains.reload, upcoming.reload, talks.reload, points.reload, me.reload, branchActivities.reload, todo.reload);

  return (
    <PageShell className="home-page">
      <BrandHeader />
      <View className="home-page__body">
        {todo.data ? <TodoCard items={todo.data.items} onOpen={(url) => void Taro.navigateTo({ url })} /> : null}
        {branchId ? (
          <UpcomingActivities
            title="本支部活动"
            emptyText={`${branch?.orgName ?? '本支部'}近期暂无活动`}
            activities={branchActivities.data}
            failed={branchActivities.error !== undefined}
            onOpen={(activity) => void Taro.navigateTo({ url: withQuery(ROUTES.activityDetail, { id: activity.id }) })}
            onMore={() => void Taro.switchTab({ url: ROUTES.activities })}
          />
        ) : null}
        <WhistleEntry onRaise={() => void Taro.navigateTo({ url: ROUTES.needRaise })} onMine={() => void Taro.navigateTo({ url: ROUTES.myNeeds })} />
        <StudyTodayStrip
          points={points.data}
          onQuiz={() => void Taro.navigateTo({ url: ROUTES.dailyQuiz })}
          onPoints={() => void Taro.navigateTo({ url: ROUTES.myPoints })}
        />
        <UpcomingActivities
          activities={upcoming.data}
          failed={upcoming.error !== undefined}
          onOpen={(activity) => void Taro.navigateTo({ url: withQuery(ROUTES.activityDetail, { id: activity.id }) })}
          onMore={() => void Taro.switchTab({ url: ROUTES.activities })}
        />
        <TalkCard
          talk={nextTalk?.talk ?? null}
          upcoming={nextTalk?.upcoming ?? true}
          loading={!talks.data && !talks.error}
          onOpen={(talk) => void Taro.navigateTo({ url: withQuery(ROUTES.talkDetail, { id: talk.id }) })}
          onMore={() => void Taro.navigateTo({ url: ROUTES.talks })}
        />
        <QueryView query={chains}>
          {(data) => <ChainMap chains={data} onOpenBrand={(brandId) => void Taro.navigateTo({ url: withQuery(ROUTES.brandDetail, { id: brandId }) })} />}
        </QueryView>
      </View>
    </PageShell>
  );
}
