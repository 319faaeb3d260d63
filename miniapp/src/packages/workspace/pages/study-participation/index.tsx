import { View } from '@tarojs/components';
import type { MeResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useMe } from '@/features/profile/hooks/use-me';
import { getParticipation } from '@/features/study/api';
import { ParticipationList } from '@/features/study/components/participation-list';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
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
  const participation = useQuery(() => getParticipation(orgId ?? ''), { key: `study:participation:${orgId ?? ''}`, enabled: orgId !== undefined });
  usePullToRefresh(me.reload, participation.reload);

  return (
    <PageShell className="study-participation-page">
      <View className="study-participation-page__body">
        <QueryView query={me} loadingCards={2}>
          {() =>
            orgId === undefined ? (
              <EmptyState icon="org" title="暂无负责的组织" description="设置为支部书记后，可在这里查看本支部的学习情况" />
            ) : (
              <QueryView query={participation} loadingCards={2}>
                {(data) => <ParticipationList data={data} />}
              </QueryView>
            )
          }
        </QueryView>
      </View>
    </PageShell>
  );
}
