import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ActivityOverview } from '@/features/activity/components/activity-overview';
import { DetailActionBar } from '@/features/activity/components/detail-action-bar';
import { MyStatusBanner } from '@/features/activity/components/my-status-banner';
import { useActivityDetail } from '@/features/activity/hooks/use-activity-detail';
import { takeSignupOutcome } from '@/features/activity/signup-outcome';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import './index.scss';

export default function ActivityDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const detail = useActivityDetail(id, signedIn);
  const [celebrate, setCelebrate] = useState(false);

  useDidShow(() => {
    if (takeSignupOutcome(id)) {
      setCelebrate(true);
    }
  });
  usePullToRefresh(detail.reload);

  return (
    <PageShell className="activity-detail-page">
      <QueryView query={detail} stateClassName="activity-detail-page__state">
        {(activity) => (
          <>
            <ActivityOverview activity={activity} afterSeats={<MyStatusBanner activity={activity} celebrate={celebrate} />} />
            <DetailActionBar activity={activity} onChanged={() => void detail.reload()} onSignedUp={() => setCelebrate(true)} />
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
