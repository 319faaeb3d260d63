import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getJoinCode, renewJoinCode, revokeJoinCode } from '@/features/onboarding/pages-api';
import { OrgPicker } from '@/features/onboarding/components/org-picker';
import { useManagedOrgChoice } from '@/features/onboarding/hooks/use-managed-orgs';
import { useOnboardingRequest } from '@/features/onboarding/hooks/use-onboarding-request';
import { useQuery } from '@/hooks/use-query';
import '@/features/onboarding/onboarding-page.scss';

export default function JoinCodePage() {
  const signedIn = useRequireSession();
  const { options, orgId, choose } = useManagedOrgChoice(signedIn);
  // Never cached: a revoked code must not show again.
  const code = useQuery(() => getJoinCode(orgId ?? ''), { enabled: signedIn && orgId !== undefined });
  const { pending, run } = useOnboardingRequest();

  const handleRenew = async (replacing: boolean) => {
    if (!orgId) return;
    if (replacing) {
      const { confirm } = await Taro.showModal({ title: '更换入组织码', content: '更换后旧码立即失效，已分享的二维码将无法使用' });
      if (!confirm) return;
    }
    await run(async () => {
      await renewJoinCode(orgId);
      await code.reload();
    });
  };

  const handleRevoke = async () => {
    if (!orgId) return;
    const { confirm } = await Taro.showModal({ title: '停用入组织码', content: '停用后任何人都不能再用此码申请加入' });
    if (!confirm) return;
    try {
      await revokeJoinCode(orgId);
      await code.reload();
    } catch {
      // Shown by the HTTP client.
    }
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">入组织码</Text>
        <Text className="onboarding-page__subtitle">不在花名册中的同志扫码或输入此码申请加入，申请由你审核；可随时更换或停用</Text>
      </View>
      <View className="onboarding-page__body">
        <OrgPicker options={options} value={orgId} onChange={choose} />
        <QueryView
          query={code}
          loadingCards={1}
          isEmpty={(data) => data === null}
          empty={
            <EmptyState
              icon="code"
              title="尚未生成入组织码"
              action={
                <Button shape="round" type="primary" loading={pending} onClick={() => void handleRenew(false)}>
                  生成入组织码
                </Button>
              }
            />
          }
        >
          {(data) =>
            data ? (
              <View className="onboarding-page__notice">
                <Text className="onboarding-page__notice-title">{data.orgName}</Text>
                <Image className="onboarding-page__qr" src={data.qrDataUrl} mode="aspectFit" />
                <Text className="onboarding-page__code">{data.code}</Text>
                <Text className="onboarding-page__notice-text">在「我的 → 加入党组织」中扫码，或输入上方 8 位码</Text>
                <Button className="onboarding-page__submit" block shape="round" fill="outline" type="primary" loading={pending} onClick={() => void handleRenew(true)}>
                  更换入组织码
                </Button>
                <Button className="onboarding-page__secondary" block shape="round" fill="none" type="primary" onClick={() => void handleRevoke()}>
                  停用
                </Button>
              </View>
            ) : null
          }
        </QueryView>
      </View>
    </PageShell>
  );
}
