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

/** 月月谈 (opened from 首页's 往期 ›): the coming session, then the past ones — or a line saying there are none yet. */
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
          {(items) => {
            const upcoming = items.filter((talk) => new Date(talk.activity.endAt).getTime() > now);
            const past = items.filter((talk) => !upcoming.includes(talk));
            return (
              <>
                {upcoming.length > 0 ? <Text className="talks-page__section">本期</Text> : null}
                {upcoming.map((talk) => (
                  <TalkCard key={talk.id} talk={talk} upcoming onOpen={handleOpen} />
                ))}
                <Text className="talks-page__section">往期</Text>
                {past.map((talk) => (
                  <TalkCard key={talk.id} talk={talk} upcoming={false} onOpen={handleOpen} />
                ))}
                {past.length === 0 && !talks.hasMore ? <Text className="talks-page__no-past">暂无往期。每期结束后会留在这里，可回看各部门的答复。</Text> : null}
              </>
            );
          }}
        </PagedList>
      </View>
    </PageShell>
  );
}
