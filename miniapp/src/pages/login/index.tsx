import { View } from '@tarojs/components';
import { BrandHeader } from '@/components/brand-header';
import { PageShell } from '@/components/page-shell';
import { SignInPanel } from '@/features/auth/components/sign-in-panel';
import './index.scss';

export default function LoginPage() {
  return (
    <PageShell className="login-page">
      <BrandHeader subtitle="大庆高新区 · 产业链党建 · 智慧平台" />
      <View className="login-page__sheet">
        <SignInPanel />
      </View>
    </PageShell>
  );
}
