import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listMyAppeals } from '@/features/talk/api';
import { AppealCard } from '@/features/talk/components/appeal-card';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function MyAppealsPage() {
  const signedIn = useRequireSession();
  const appeals = usePagedList((cursor) => listMyAppeals({ limit: 20, cursor }), { key: 'me:appeals', enabled: signedIn });

  const empty = (
    <EmptyState
      icon="appeal"
      title="还没有提过诉求"
      description="报名企业家月月谈时可以提出原料供应、手续办理、流动资金等诉求"
      action={
        <Button type="primary" fill="outline" shape="round" onClick={() => void Taro.navigateTo({ url: ROUTES.talks })}>
          看看月月谈
        </Button>
      }
    />
  );

  return (
    <PageShell className="my-appeals-page">
      <View className="my-appeals-page__header">
        <Text className="my-appeals-page__title">我的诉求</Text>
        <Text className="my-appeals-page__subtitle">在企业家月月谈中提出的诉求与承办部门的答复，仅你本人和管理员可见</Text>
      </View>
      <View className="my-appeals-page__list">
        <PagedList list={appeals} loadingCards={2} empty={empty}>
          {(items) =>
            items.map((appeal) => (
              <AppealCard key={appeal.id} appeal={appeal} showTalk onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.talkDetail, { id: appeal.talkId }) })} />
            ))
          }
        </PagedList>
      </View>
    </PageShell>
  );
}
