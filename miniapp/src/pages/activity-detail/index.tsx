import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { ActivityOverview } from '@/features/activity/components/activity-overview';
import { DetailActionBar } from '@/features/activity/components/detail-action-bar';
import { MyStatusBanner } from '@/features/activity/components/my-status-banner';
import { useActivityDetail } from '@/features/activity/hooks/use-activity-detail';
import { takeSignupOutcome } from '@/features/activity/signup-outcome';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
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
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (detail.data) {
    content = (
      <>
        <ActivityOverview activity={detail.data} afterSeats={<MyStatusBanner activity={detail.data} celebrate={celebrate} />} />
        <DetailActionBar activity={detail.data} onChanged={() => void detail.reload()} />
      </>
    );
  } else if (detail.error) {
    content = (
      <View className="activity-detail-page__state">
        <ErrorState message={detail.error.message} onRetry={detail.error.statusCode === 404 ? undefined : () => void detail.reload()} />
      </View>
    );
  } else {
    content = (
      <View className="activity-detail-page__state">
        <LoadingState cards={3} />
      </View>
    );
  }

  return <PageShell className="activity-detail-page">{content}</PageShell>;
}
