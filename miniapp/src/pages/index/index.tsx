import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { BrandHeader } from '@/components/brand-header';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { UpcomingActivities } from '@/features/activity/components/upcoming-activities';
import { useUpcomingActivities } from '@/features/activity/hooks/use-upcoming-activities';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { ChainMap } from '@/features/org/components/chain-map';
import { useChains } from '@/features/org/hooks/use-chains';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function IndexPage() {
  const signedIn = useRequireSession();
  const chains = useChains(signedIn);
  const upcoming = useUpcomingActivities(3, signedIn);

  usePullDownRefresh(() => {
    void Promise.all([chains.reload(), upcoming.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (chains.data) {
    content = <ChainMap chains={chains.data} />;
  } else if (chains.error) {
    content = <ErrorState message={chains.error.message} onRetry={() => void chains.reload()} />;
  } else {
    content = <LoadingState />;
  }

  return (
    <PageShell className="home-page">
      <BrandHeader />
      <View className="home-page__body">
        <UpcomingActivities
          activities={upcoming.data}
          failed={upcoming.error !== undefined}
          onOpen={(activity) => void Taro.navigateTo({ url: withQuery(ROUTES.activityDetail, { id: activity.id }) })}
          onMore={() => void Taro.switchTab({ url: ROUTES.activities })}
        />
        {content}
      </View>
    </PageShell>
  );
}
