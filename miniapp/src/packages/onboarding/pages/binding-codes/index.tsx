import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { BindingCodeResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { issueBindingCode, listBindingCandidates } from '@/features/onboarding/pages-api';
import { OrgPicker } from '@/features/onboarding/components/org-picker';
import { useManagedOrgChoice } from '@/features/onboarding/hooks/use-managed-orgs';
import { useQuery } from '@/hooks/use-query';
import { formatDateTime } from '@/lib/datetime';
import '@/features/onboarding/onboarding-page.scss';

export default function BindingCodesPage() {
  const signedIn = useRequireSession();
  const { options, orgId, choose } = useManagedOrgChoice(signedIn);
  const candidates = useQuery(() => listBindingCandidates(orgId ?? ''), { key: `workspace:binding-candidates:${orgId}`, enabled: signedIn && orgId !== undefined });
  const [issued, setIssued] = useState<BindingCodeResponse | null>(null);

  const handleIssue = async (userId: string, name: string, hasCode: boolean) => {
    if (hasCode) {
      const { confirm } = await Taro.showModal({ title: '重新发放', content: `${name} 已有未使用的绑定码，重新发放后旧码作废` });
      if (!confirm) return;
    }
    try {
      setIssued(await issueBindingCode(userId));
      await candidates.reload();
    } catch {
      // Shown by the HTTP client.
    }
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">发放绑定码</Text>
        <Text className="onboarding-page__subtitle">花名册中尚未绑定微信的同志：发给本人 6 位绑定码，24 小时内有效，只能使用一次</Text>
      </View>
      <View className="onboarding-page__body">
        <OrgPicker options={options} value={orgId} onChange={choose} />
        {issued ? (
          <View className="onboarding-page__notice">
            <Text className="onboarding-page__notice-title">{issued.name} 的绑定码</Text>
            <Text className="onboarding-page__code">{issued.code}</Text>
            <Text className="onboarding-page__notice-text">请当面或电话告知本人，在「我的 → 输入绑定码」中填写。有效期至 {formatDateTime(issued.expiresAt)}，离开本页后不再显示。</Text>
          </View>
        ) : null}
        <QueryView query={candidates} empty={<EmptyState icon="people" title="没有待绑定的人员" description="花名册中的同志都已绑定微信" />}>
          {(people) => (
            <View className="onboarding-page__notice">
              {people.map((person) => (
                <View key={person.id} className="onboarding-page__person">
                  <View className="onboarding-page__person-text">
                    <Text className="onboarding-page__person-name">{person.name}</Text>
                    <Text className="onboarding-page__person-meta">
                      {person.orgName}
                      {person.phone ? ` · ${person.phone}` : ''}
                    </Text>
                    {person.codeExpiresAt ? <Text className="onboarding-page__person-meta">已发放，{formatDateTime(person.codeExpiresAt)} 前有效</Text> : null}
                  </View>
                  <Button className="onboarding-page__small-button" shape="round" fill="outline" type="primary" onClick={() => void handleIssue(person.id, person.name, person.codeExpiresAt !== null)}>
                    {person.codeExpiresAt ? '重新发放' : '发放绑定码'}
                  </Button>
                </View>
              ))}
            </View>
          )}
        </QueryView>
      </View>
    </PageShell>
  );
}
