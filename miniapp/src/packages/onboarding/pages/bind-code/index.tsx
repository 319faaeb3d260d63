import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { BINDING_CODE_LENGTH } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { CodeEntryForm } from '@/features/onboarding/components/onboarding-form';
import { useOnboardingRequest } from '@/features/onboarding/hooks/use-onboarding-request';
import { redeemBindingCode } from '@/features/onboarding/pages-api';
import { rememberMe } from '@/features/onboarding/invalidate';
import { ROUTES } from '@/services/routes';
import '@/features/onboarding/onboarding-page.scss';

export default function BindCodePage() {
  useRequireSession();
  const [code, setCode] = useState('');
  const { pending, submit } = useOnboardingRequest();
  const clean = code.toUpperCase().replace(/[\s-]/g, '');

  const handleSubmit = () =>
    submit(
      async () => {
        const result = await redeemBindingCode(clean);
        rememberMe(result.me);
        return { title: '绑定成功', content: result.message };
      },
      () => Taro.switchTab({ url: ROUTES.mine }),
    );

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">用绑定码绑定</Text>
        <Text className="onboarding-page__subtitle">已在党组织花名册中？向书记索取 6 位绑定码，24 小时内有效，只能使用一次</Text>
      </View>
      <View className="onboarding-page__body">
        <CodeEntryForm
          label="绑定码"
          hint="不区分大小写"
          placeholder="6 位绑定码"
          maxLength={BINDING_CODE_LENGTH + 2}
          value={code}
          onChange={setCode}
          submitText="绑定"
          pending={pending}
          disabled={clean.length !== BINDING_CODE_LENGTH}
          onSubmit={() => void handleSubmit()}
        />
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
