import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { BrandHeader } from '@/components/brand-header';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { ChainMap } from '@/features/org/components/chain-map';
import { useChains } from '@/features/org/hooks/use-chains';
import './index.scss';

export default function IndexPage() {
  const signedIn = useRequireSession();
  const chains = useChains(signedIn);

  usePullDownRefresh(() => {
    void chains.reload().finally(() => Taro.stopPullDownRefresh());
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
      <View className="home-page__body">{content}</View>
    </PageShell>
  );
}
