import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/page-shell';
import { NeedDetailBody } from '@/features/need/components/need-detail-body';

/** 需求详情: a need for whoever may read it, with the steps they may take (rate, reopen, or a department's handling). */
export default function NeedDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell className="need-detail-page">
      <NeedDetailBody id={params.id ?? ''} justRaised={params.raised === '1'} />
    </PageShell>
  );
}
