import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, type JoinCodePreview, type PoliticalStatus } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { requestReminderPermission } from '@/features/activity/subscribe';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { ChoiceChips, CodeEntryForm, EnterprisePicker, OnboardingField } from '@/features/onboarding/components/onboarding-form';
import { useOnboardingRequest } from '@/features/onboarding/hooks/use-onboarding-request';
import { previewJoinCode, requestJoin } from '@/features/onboarding/pages-api';
import { useEnterpriseOptions } from '@/features/onboarding/hooks/use-enterprise-options';
import { canScan, scanQrText } from '@/features/onboarding/scan-code';
import { ROUTES } from '@/services/routes';
import '@/features/onboarding/onboarding-page.scss';

export default function JoinPage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ?? '');
  const [org, setOrg] = useState<JoinCodePreview | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<PoliticalStatus | null>(null);
  const [enterpriseIndex, setEnterpriseIndex] = useState(-1);
  const { pending, run, submit } = useOnboardingRequest();
  const enterprises = useEnterpriseOptions(signedIn && org !== null);

  useEffect(() => {
    if (user && name === '' && user.name !== '微信用户') setName(user.name);
  }, [user, name]);

  const check = async (text: string) => {
    const typed = text.trim();
    if (!typed) return;
    await run(async () => {
      setOrg(await previewJoinCode(typed));
      setCode(typed);
    });
  };

  // A code the page was opened with (a shared link) is checked once signed in.
  const openedWith = params.code;
  useEffect(() => {
    if (signedIn && openedWith) void check(openedWith);
  }, [signedIn, openedWith]);

  const handleScan = async () => {
    const text = await scanQrText();
    if (text) await check(text);
  };

  const handleSubmit = async () => {
    if (!status || name.trim() === '') {
      void Taro.showToast({ title: name.trim() === '' ? '请填写姓名' : '请选择政治面貌', icon: 'none' });
      return;
    }
    // Inside the tap: WeChat may then tell the person the secretary's decision.
    await requestReminderPermission();
    await submit(
      async () => {
        const enterprise = enterprises.data?.[enterpriseIndex];
        await requestJoin({ code, name: name.trim(), politicalStatus: status, enterpriseId: enterprise?.id ?? null });
        return { title: '申请已提交', content: `已向「${org?.orgName}」提交入组织申请，书记审核后会通知你` };
      },
      () => Taro.switchTab({ url: ROUTES.mine }),
    );
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">申请加入党组织</Text>
        <Text className="onboarding-page__subtitle">扫描或输入书记提供的入组织码，填写信息后提交，书记审核通过即加入</Text>
      </View>
      <View className="onboarding-page__body">
        {org === null ? (
          <CodeEntryForm label="入组织码" placeholder="8 位入组织码" maxLength={20} value={code} onChange={setCode} submitText="下一步" pending={pending} disabled={code.trim() === ''} onSubmit={() => void check(code)}>
            {canScan ? (
              <Button className="onboarding-page__secondary" block shape="round" fill="outline" type="primary" onClick={() => void handleScan()}>
                扫码加入
              </Button>
            ) : null}
          </CodeEntryForm>
        ) : (
          <>
            <View className="onboarding-page__notice">
              <Text className="onboarding-page__notice-title">{org.orgName}</Text>
              <Text className="onboarding-page__notice-text">你将向该党组织提交入组织申请</Text>
            </View>
            <OnboardingField label="姓名" required>
              <Input className="onboarding-page__input" value={name} placeholder="请填写真实姓名" maxLength={50} onChange={(value) => setName(value)} />
            </OnboardingField>
            <OnboardingField label="政治面貌" required>
              <ChoiceChips values={POLITICAL_STATUSES} labels={POLITICAL_STATUS_LABELS} value={status} onChange={setStatus} />
            </OnboardingField>
            <OnboardingField label="所在企业" hint="选填">
              <EnterprisePicker names={(enterprises.data ?? []).map((e) => e.name)} index={enterpriseIndex} placeholder="选择所在企业" onChange={setEnterpriseIndex} />
            </OnboardingField>
            <Button className="onboarding-page__submit" block shape="round" size="large" type="primary" loading={pending} onClick={() => void handleSubmit()}>
              提交申请
            </Button>
          </>
        )}
      </View>
    </PageShell>
  );
}
