import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPRESENTATION_KIND_LABELS, type RepresentationRequestResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { approveRepresentation, listRepresentations, rejectRepresentation } from '@/features/onboarding/pages-api';
import { RequestCard } from '@/features/onboarding/components/request-card';
import { useQuery } from '@/hooks/use-query';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import '@/features/onboarding/onboarding-page.scss';

export default function RepresentationsPage() {
  const signedIn = useRequireSession();
  const requests = useQuery(() => listRepresentations({ status: 'PENDING' }), { key: 'workspace:representations', enabled: signedIn, refreshOnShow: true });
  const [rejecting, setRejecting] = useState<RepresentationRequestResponse | null>(null);
  usePullToRefresh(requests.reload);

  const handleApprove = async (request: RepresentationRequestResponse) => {
    const { confirm } = await Taro.showModal({ title: '通过申请', content: `${request.userName} 将作为「${request.enterpriseName}」的${REPRESENTATION_KIND_LABELS[request.kind]}，可代表企业吹哨` });
    if (!confirm) return;
    try {
      await approveRepresentation(request.id);
      void Taro.showToast({ title: '已通过', icon: 'success' });
      await requests.reload();
    } catch {
      // Shown by the HTTP client.
    }
  };

  const handleReject = async (reason: string) => {
    if (!rejecting) return;
    await rejectRepresentation(rejecting.id, { reason });
    void Taro.showToast({ title: '已告知申请人', icon: 'none' });
    await requests.reload();
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">企业代表审核</Text>
        <Text className="onboarding-page__subtitle">申请作为企业家或企业联络人的同志；通过后可代表企业吹哨</Text>
      </View>
      <View className="onboarding-page__body">
        <QueryView query={requests} empty={<EmptyState title="暂无待审核的申请" />}>
          {(items) =>
            items.map((request) => (
              <RequestCard
                key={request.id}
                title={request.userName}
                lines={[`企业：${request.enterpriseName}`, `身份：${REPRESENTATION_KIND_LABELS[request.kind]}`]}
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
      <ReasonDialog visible={rejecting !== null} title="不通过的原因" placeholder="申请人会看到这段话" required onConfirm={handleReject} onClose={() => setRejecting(null)} />
    </PageShell>
  );
}
