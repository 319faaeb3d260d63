import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listMyNeeds } from '@/features/need/api';
import { NeedCard } from '@/features/need/components/need-card';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function MyNeedsPage() {
  const signedIn = useRequireSession();
  // Reloaded on show: back from a detail page where it was rated or reopened.
  const needs = useQuery(listMyNeeds, { key: 'me:needs', enabled: signedIn, refreshOnShow: true });
  usePullToRefresh(needs.reload);

  const raise = () => void Taro.navigateTo({ url: ROUTES.needRaise });
  const empty = (
    <EmptyState
      title="还没有提过需求"
      description="原料供应、手续办理、流动资金等难题，都可以吹哨，产业链党委派单给职能部门办理"
      action={
        <Button type="primary" fill="outline" shape="round" onClick={raise}>
          企业吹哨
        </Button>
      }
    />
  );

  return (
    <PageShell className="my-needs-page">
      <View className="my-needs-page__header">
        <View className="my-needs-page__heading">
          <Text className="my-needs-page__title">我的需求</Text>
          <Text className="my-needs-page__raise" onClick={raise}>
            + 吹哨
          </Text>
        </View>
        <Text className="my-needs-page__subtitle">我和本企业提出的需求，派单、接单、办结每一步都看得见</Text>
      </View>
      <View className="my-needs-page__list">
        <QueryView query={needs} loadingCards={2} empty={empty}>
          {(data) => data.map((need) => <NeedCard key={need.id} need={need} onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.needDetail, { id: need.id }) })} />)}
        </QueryView>
      </View>
    </PageShell>
  );
}
