import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useQuery } from '@/hooks/use-query';
import { devLogin, getDemoPeople } from '../api';
import { useSignIn } from '../hooks/use-sign-in';
import { DemoPersonList } from './demo-person-list';
import { NewUserForm } from './new-user-form';
import './sign-in-panel.scss';

function randomOpenid(): string {
  return `h5-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Browser sign-in (development only): pick a seeded demo person or enter as someone new. */
export function SignInPanel() {
  const demoPeople = useQuery(getDemoPeople);
  const { signIn, pending } = useSignIn();

  if (demoPeople.loading && !demoPeople.data) {
    return <LoadingState cards={2} />;
  }
  if (demoPeople.error?.statusCode === 404) {
    return (
      <EmptyState
        icon="signin"
        title="H5 登录仅在开发环境可用"
        description="请在微信中打开「火炬红」小程序登录使用"
      />
    );
  }
  if (demoPeople.error) {
    return <ErrorState message={demoPeople.error.message} onRetry={() => void demoPeople.reload()} />;
  }

  return (
    <View className="sign-in-panel sign-in-panel--h5">
      <View className="sign-in-panel__section-head">
        <Text className="sign-in-panel__section-title">选择示例身份</Text>
        <Text className="sign-in-panel__section-tip">示例数据，仅供体验</Text>
      </View>
      <DemoPersonList
        people={demoPeople.data ?? []}
        disabled={pending}
        onSelect={(person) => void signIn(() => devLogin({ openid: person.openid }))}
      />
      <View className="sign-in-panel__section-head">
        <Text className="sign-in-panel__section-title">以新用户身份进入</Text>
      </View>
      <NewUserForm
        pending={pending}
        onSubmit={(name) => void signIn(() => devLogin({ openid: randomOpenid(), name }))}
      />
      <Text className="sign-in-panel__note">浏览器登录仅在开发环境开放，正式使用请在微信中打开小程序</Text>
    </View>
  );
}
