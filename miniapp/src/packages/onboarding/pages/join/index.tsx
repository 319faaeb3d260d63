import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, type JoinCodePreview, type PoliticalStatus } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { requestReminderPermission } from '@/features/activity/subscribe';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
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
  const [pending, setPending] = useState(false);
  const enterprises = useEnterpriseOptions(signedIn && org !== null);

  useEffect(() => {
    if (user && name === '' && user.name !== '微信用户') setName(user.name);
  }, [user, name]);

  const check = async (text: string) => {
    const typed = text.trim();
    if (!typed) return;
    setPending(true);
    try {
      setOrg(await previewJoinCode(typed));
      setCode(typed);
    } catch {
      // The HTTP client has shown why (码无效或已停用、次数过多).
    } finally {
      setPending(false);
    }
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
    setPending(true);
    try {
      const enterprise = enterprises.data?.[enterpriseIndex];
      await requestJoin({ code, name: name.trim(), politicalStatus: status, enterpriseId: enterprise?.id ?? null });
      await Taro.showModal({ title: '申请已提交', content: `已向「${org?.orgName}」提交入组织申请，书记审核后会通知你`, showCancel: false });
      await Taro.switchTab({ url: ROUTES.mine });
    } catch {
      // Shown by the HTTP client (已有待审核的申请、已加入党组织 …).
    } finally {
      setPending(false);
    }
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">申请加入党组织</Text>
        <Text className="onboarding-page__subtitle">扫描或输入书记提供的入组织码，填写信息后提交，书记审核通过即加入</Text>
      </View>
      <View className="onboarding-page__body">
        {org === null ? (
          <View className="onboarding-page__field">
            <View className="onboarding-page__label-row">
              <Text className="onboarding-page__label">入组织码</Text>
            </View>
            <Input className="onboarding-page__input onboarding-page__code-input" value={code} placeholder="8 位入组织码" maxLength={20} onChange={(value) => setCode(value.toUpperCase())} />
            <Button className="onboarding-page__submit" block shape="round" type="primary" loading={pending} disabled={code.trim() === ''} onClick={() => void check(code)}>
              下一步
            </Button>
            {canScan ? (
              <Button className="onboarding-page__secondary" block shape="round" fill="outline" type="primary" onClick={() => void handleScan()}>
                扫码加入
              </Button>
            ) : null}
          </View>
        ) : (
          <>
            <View className="onboarding-page__notice">
              <Text className="onboarding-page__notice-title">{org.orgName}</Text>
              <Text className="onboarding-page__notice-text">你将向该党组织提交入组织申请</Text>
            </View>
            <View className="onboarding-page__field">
              <View className="onboarding-page__label-row">
                <Text className="onboarding-page__required">*</Text>
                <Text className="onboarding-page__label">姓名</Text>
              </View>
              <Input className="onboarding-page__input" value={name} placeholder="请填写真实姓名" maxLength={50} onChange={(value) => setName(value)} />
            </View>
            <View className="onboarding-page__field">
              <View className="onboarding-page__label-row">
                <Text className="onboarding-page__required">*</Text>
                <Text className="onboarding-page__label">政治面貌</Text>
              </View>
              <View className="onboarding-page__choices">
                {POLITICAL_STATUSES.map((value) => (
                  <View key={value} className={value === status ? 'onboarding-page__choice onboarding-page__choice--active' : 'onboarding-page__choice'} onClick={() => setStatus(value)}>
                    <Text>{POLITICAL_STATUS_LABELS[value]}</Text>
                  </View>
                ))}
              </View>
            </View>
            <View className="onboarding-page__field">
              <View className="onboarding-page__label-row">
                <Text className="onboarding-page__label">所在企业</Text>
                <Text className="onboarding-page__hint">选填</Text>
              </View>
              <Picker mode="selector" range={(enterprises.data ?? []).map((e) => e.name)} value={Math.max(0, enterpriseIndex)} onChange={(event) => setEnterpriseIndex(Number(event.detail.value))}>
                <View className="onboarding-page__picker">
                  <Text className={enterpriseIndex >= 0 ? '' : 'onboarding-page__placeholder'}>{enterprises.data?.[enterpriseIndex]?.name ?? '选择所在企业'}</Text>
                  <Text>›</Text>
                </View>
              </Picker>
            </View>
            <Button className="onboarding-page__submit" block shape="round" size="large" type="primary" loading={pending} onClick={() => void handleSubmit()}>
              提交申请
            </Button>
          </>
        )}
      </View>
    </PageShell>
  );
}
