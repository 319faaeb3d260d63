import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSignOut } from '@/features/auth/hooks/use-sign-out';
import { useSession } from '@/features/auth/session';
import { ProfileCard } from '@/features/profile/components/profile-card';
import { useMe } from '@/features/profile/hooks/use-me';
import './index.scss';

export default function MinePage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const me = useMe(signedIn);
  const handleSignOut = useSignOut();

  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (me.data) {
    content = <ProfileCard me={me.data} />;
  } else if (me.error) {
    content = <ErrorState message={me.error.message} onRetry={() => void me.reload()} />;
  } else if (user) {
    content = <ProfileCard me={user} />;
  } else {
    content = (
      <View className="mine-page__loading">
        <LoadingState cards={2} />
      </View>
    );
  }

  return (
    <PageShell className="mine-page">
      {content}
      <View className="mine-page__actions">
        <Button className="mine-page__sign-out" block shape="round" size="large" fill="outline" type="primary" onClick={() => void handleSignOut()}>
          退出登录
        </Button>
      </View>
      <Text className="mine-page__footer">火炬红智慧党建平台 · 大庆高新区</Text>
    </PageShell>
  );
}
