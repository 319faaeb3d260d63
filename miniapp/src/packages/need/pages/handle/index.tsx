import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/page-shell';
import { NeedDetailBody } from '@/features/need/components/need-detail-body';

/**
 * 部门办理: where 部门报到 opens a need. The same body as 需求详情 (which carries the handler's steps too), titled for
 * the department at work.
 */
export default function NeedHandlePage() {
  const { params } = useRouter();
  return (
    <PageShell className="need-detail-page">
      <NeedDetailBody id={params.id ?? ''} />
    </PageShell>
  );
}
