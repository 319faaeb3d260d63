import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listMyNeeds } from '@/features/need/workspace-api';
import { NeedCard } from '@/features/need/components/need-card';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function MyNeedsPage() {
  const signedIn = useRequireSession();
  // Reloaded on show: back from a detail page where it was rated or reopened.
  const needs = usePagedList((cursor) => listMyNeeds({ limit: 20, cursor }), { key: 'me:needs', enabled: signedIn, refreshOnShow: true });

  const raise = () => void Taro.navigateTo({ url: ROUTES.needRaise });
  const empty = (
    <EmptyState
      icon="need"
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
        <PagedList list={needs} loadingCards={2} empty={empty}>
          {(items) => items.map((need) => <NeedCard key={need.id} need={need} onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.needDetail, { id: need.id }) })} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
