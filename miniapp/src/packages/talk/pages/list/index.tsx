import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TalkSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { TalkCard } from '@/features/talk/components/talk-card';
import { listTalks } from '@/features/talk/api';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function TalksPage() {
  const signedIn = useRequireSession();
  const talks = usePagedList((cursor) => listTalks({ limit: 20, cursor }), { key: 'talks:list', enabled: signedIn });

  const handleOpen = (talk: TalkSummary) => void Taro.navigateTo({ url: withQuery(ROUTES.talkDetail, { id: talk.id }) });
  const now = Date.now();

  return (
    <PageShell className="talks-page">
      <View className="talks-page__intro">
        <Text className="talks-page__text">每月一期，企业家与职能部门面对面：会前提诉求，会上当面答，会后有跟进。</Text>
      </View>
      <View className="talks-page__list">
        <PagedList list={talks} loadingCards={2} empty={<EmptyState icon="talk" title="暂无月月谈场次" description="每月一期，发布后会出现在这里" />}>
          {(items) => items.map((talk) => <TalkCard key={talk.id} talk={talk} upcoming={new Date(talk.activity.endAt).getTime() > now} onOpen={handleOpen} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
