import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { POLITICAL_STATUS_LABELS, type JoinRequestResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { approveJoin, listJoinRequests, rejectJoin } from '@/features/onboarding/pages-api';
import { RequestCard } from '@/features/onboarding/components/request-card';
import { useQuery } from '@/hooks/use-query';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import '@/features/onboarding/onboarding-page.scss';

export default function JoinRequestsPage() {
  const signedIn = useRequireSession();
  const requests = useQuery(() => listJoinRequests({ status: 'PENDING' }), { key: 'workspace:join-requests', enabled: signedIn, refreshOnShow: true });
  const [rejecting, setRejecting] = useState<JoinRequestResponse | null>(null);
  usePullToRefresh(requests.reload);

  const handleApprove = async (request: JoinRequestResponse) => {
    const { confirm } = await Taro.showModal({ title: '通过申请', content: `${request.name} 将以「${POLITICAL_STATUS_LABELS[request.politicalStatus]}」加入「${request.orgName}」` });
    if (!confirm) return;
    try {
      await approveJoin(request.id);
      void Taro.showToast({ title: '已通过', icon: 'success' });
      await requests.reload();
    } catch {
      // Shown by the HTTP client.
    }
  };

  const handleReject = async (reason: string) => {
    if (!rejecting) return;
    await rejectJoin(rejecting.id, { reason });
    void Taro.showToast({ title: '已告知申请人', icon: 'none' });
    await requests.reload();
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">入组织审核</Text>
        <Text className="onboarding-page__subtitle">凭入组织码提交的申请；通过即加入本组织，不通过需说明原因</Text>
      </View>
      <View className="onboarding-page__body">
        <QueryView query={requests} empty={<EmptyState title="暂无待审核的申请" description="把入组织码发给还不在花名册中的同志" />}>
          {(items) =>
            items.map((request) => (
              <RequestCard
                key={request.id}
                title={request.name}
                lines={[`申请加入：${request.orgName}`, `政治面貌：${POLITICAL_STATUS_LABELS[request.politicalStatus]}`, `所在企业：${request.enterpriseName ?? '未填写'}`]}
                status={request.status}
                reason={request.reason}
                createdAt={request.createdAt}
                canDecide={request.canDecide}
                onApprove={() => void handleApprove(request)}
                onReject={() => setRejecting(request)}
              />
            ))
          }
        </QueryView>
      </View>
      <ReasonDialog visible={rejecting !== null} title="不通过的原因" placeholder="申请人会看到这段话，如：本支部无此人，请联系所在单位党组织" required onConfirm={handleReject} onClose={() => setRejecting(null)} />
    </PageShell>
  );
}
