import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { REPRESENTATION_KINDS, REPRESENTATION_KIND_LABELS, type RepresentationKind } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { requestReminderPermission } from '@/features/activity/subscribe';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { ChoiceChips, EnterprisePicker, OnboardingField } from '@/features/onboarding/components/onboarding-form';
import { useOnboardingRequest } from '@/features/onboarding/hooks/use-onboarding-request';
import { requestRepresentation } from '@/features/onboarding/pages-api';
import { useEnterpriseOptions } from '@/features/onboarding/hooks/use-enterprise-options';
import '@/features/onboarding/onboarding-page.scss';

const KIND_HINTS: Record<RepresentationKind, string> = {
  ENTREPRENEUR: '企业负责人，代表企业吹哨提需求、跟进办理',
  CONTACT: '企业指定的联络人，代表企业提出和跟进需求',
};

export default function RepresentationPage() {
  const signedIn = useRequireSession();
  const enterprises = useEnterpriseOptions(signedIn);
  const [index, setIndex] = useState(-1);
  const [kind, setKind] = useState<RepresentationKind>('CONTACT');
  const { pending, submit } = useOnboardingRequest();

  const handleSubmit = async (enterpriseId: string, enterpriseName: string) => {
    // Inside the tap: WeChat may then tell the person the decision.
    await requestReminderPermission();
    await submit(
      async () => {
        await requestRepresentation({ enterpriseId, kind });
        return { title: '申请已提交', content: `「${enterpriseName}」的党组织书记或产业链党委审核后会通知你` };
      },
      () => Taro.navigateBack(),
    );
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">申请关联企业</Text>
        <Text className="onboarding-page__subtitle">以企业家或企业联络人的身份代表企业，由企业党组织书记或产业链党委审核</Text>
      </View>
      <View className="onboarding-page__body">
        <QueryView query={enterprises} loadingCards={2}>
          {(options) => {
            const chosen = options[index];
            return (
              <>
                <OnboardingField label="企业" required>
                  <EnterprisePicker names={options.map((e) => e.name)} index={index} placeholder="选择企业" onChange={setIndex} />
                </OnboardingField>
                <OnboardingField label="身份" required>
                  <ChoiceChips values={REPRESENTATION_KINDS} labels={REPRESENTATION_KIND_LABELS} value={kind} onChange={setKind} />
                  <Text className="onboarding-page__explain">{KIND_HINTS[kind]}</Text>
                </OnboardingField>
                <Button className="onboarding-page__submit" block shape="round" size="large" type="primary" loading={pending} disabled={!chosen} onClick={() => chosen && void handleSubmit(chosen.id, chosen.name)}>
                  提交申请
                </Button>
              </>
            );
          }}
        </QueryView>
      </View>
    </PageShell>
  );
}
