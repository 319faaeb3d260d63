import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { JoinRequestStatus } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useQuery } from '@/hooks/use-query';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { RequestCard } from './request-card';
import '@/features/onboarding/onboarding-page.scss';

interface PendingRequest {
  id: string;
  status: JoinRequestStatus;
  reason: string | null;
  createdAt: string;
  canDecide: boolean;
}

interface PendingRequestsPageProps<T extends PendingRequest> {
  title: string;
  subtitle: string;
  queryKey: string;
  load: () => Promise<T[]>;
  approve: (id: string) => Promise<unknown>;
  reject: (id: string, reason: string) => Promise<unknown>;
  /** What approving does, said in the confirm dialog. */
  approveText: (request: T) => string;
  card: (request: T) => { title: string; lines: string[] };
  emptyDescription?: string;
  rejectPlaceholder: string;
}

/** A workspace list of requests waiting for a decision (join requests, enterprise representation): approve with a confirm, reject with a reason the applicant reads. */
export function PendingRequestsPage<T extends PendingRequest>(props: PendingRequestsPageProps<T>) {
  const signedIn = useRequireSession();
  const requests = useQuery(props.load, { key: props.queryKey, enabled: signedIn, refreshOnShow: true });
  const [rejecting, setRejecting] = useState<T | null>(null);
  usePullToRefresh(requests.reload);

  const handleApprove = async (request: T) => {
    const { confirm } = await Taro.showModal({ title: '通过申请', content: props.approveText(request) });
    if (!confirm) return;
    try {
      await props.approve(request.id);
      void Taro.showToast({ title: '已通过', icon: 'success' });
      await requests.reload();
    } catch {
      // Shown by the HTTP client.
    }
  };

  const handleReject = async (reason: string) => {
    if (!rejecting) return;
    await props.reject(rejecting.id, reason);
    void Taro.showToast({ title: '已告知申请人', icon: 'none' });
    await requests.reload();
  };

  return (
    <PageShell className="onboarding-page">
      <View className="onboarding-page__header">
        <Text className="onboarding-page__title">{props.title}</Text>
        <Text className="onboarding-page__subtitle">{props.subtitle}</Text>
      </View>
      <View className="onboarding-page__body">
        <QueryView query={requests} empty={<EmptyState icon="review" title="暂无待审核的申请" description={props.emptyDescription} />}>
          {(items) =>
            items.map((request) => (
              <RequestCard
                key={request.id}
                {...props.card(request)}
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
      <ReasonDialog visible={rejecting !== null} title="不通过的原因" placeholder={props.rejectPlaceholder} required onConfirm={handleReject} onClose={() => setRejecting(null)} />
    </PageShell>
  );
}
