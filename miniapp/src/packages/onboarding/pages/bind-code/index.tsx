import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { BINDING_CODE_LENGTH } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { redeemBindingCode } from '@/features/onboarding/pages-api';
import { rememberMe } from '@/features/onboarding/invalidate';
import { ROUTES } from '@/services/routes';
import '@/features/onboarding/onboarding-page.scss';

export default function BindCodePage() {
  useRequireSession();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const clean = code.toUpperCase().replace(/[\s-]/g, '');

  const handleSubmit = async () => {
    setPending(true);
    try {
      const result = await redeemBindingCode(clean);
      rememberMe(result.me);
      await Taro.showModal({ title: '绑定成功', content: result.message, showCancel: false });
      await Taro.switchTab({ url: ROUTES.mine });
    } catch {
      // The HTTP client has shown why (无效、已使用、次数过多 …).
    } finally {
      setPending(false);
    }
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">用绑定码绑定</Text>
        <Text className="onboarding-page__subtitle">已在党组织花名册中？向书记索取 6 位绑定码，24 小时内有效，只能使用一次</Text>
      </View>
      <View className="onboarding-page__body">
        <View className="onboarding-page__field">
          <View className="onboarding-page__label-row">
            <Text className="onboarding-page__label">绑定码</Text>
            <Text className="onboarding-page__hint">不区分大小写</Text>
          </View>
          <Input
            className="onboarding-page__input onboarding-page__code-input"
            value={code}
            placeholder="6 位绑定码"
            maxLength={BINDING_CODE_LENGTH + 2}
            onChange={(value) => setCode(value.toUpperCase())}
          />
        </View>
        <Button className="onboarding-page__submit" block shape="round" size="large" type="primary" loading={pending} disabled={clean.length !== BINDING_CODE_LENGTH} onClick={() => void handleSubmit()}>
          绑定
        </Button>
        <View className="onboarding-page__notice onboarding-page__secondary">
          <Text className="onboarding-page__notice-title">不在花名册中？</Text>
          <Text className="onboarding-page__notice-text">向所在党组织书记索取入组织码，提交入组织申请，书记审核通过后即可加入。</Text>
          <Button className="onboarding-page__secondary" block shape="round" fill="outline" type="primary" onClick={() => void Taro.redirectTo({ url: ROUTES.onboardingJoin })}>
            申请加入党组织
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
