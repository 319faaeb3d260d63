import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { MeResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useMe } from '@/features/profile/hooks/use-me';
import { getParticipation } from '@/features/study/api';
import { ParticipationList } from '@/features/study/components/participation-list';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

/** The organisation a secretary (or committee member) looks after, else their own. */
function ledOrgId(me: MeResponse | undefined): string | undefined {
  return me?.roles.find((grant) => (grant.role === 'SECRETARY' || grant.role === 'COMMITTEE') && grant.orgId)?.orgId ?? me?.orgId;
}

export default function StudyParticipationPage() {
  const signedIn = useRequireSession();
  const me = useMe(signedIn);
  const orgId = ledOrgId(me.data);
  const participation = useQuery(() => getParticipation(orgId ?? ''), orgId !== undefined);

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), participation.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (me.data && orgId === undefined) {
    content = <EmptyState title="暂无负责的组织" description="设置为支部书记后，可在这里查看本支部的学习情况" />;
  } else if (participation.data) {
    content = <ParticipationList data={participation.data} />;
  } else if (participation.error || me.error) {
    const error = participation.error ?? me.error;
    content = <ErrorState message={error?.message ?? '加载失败'} onRetry={() => void (participation.error ? participation.reload() : me.reload())} />;
  } else {
    content = <LoadingState cards={2} />;
  }

  return (
    <PageShell className="study-participation-page">
      <View className="study-participation-page__body">{content}</View>
    </PageShell>
  );
}
