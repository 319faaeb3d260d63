import { POLITICAL_STATUS_LABELS } from '@torch-red/shared';
import { PendingRequestsPage } from '@/features/onboarding/components/pending-requests-page';
import { approveJoin, listJoinRequests, rejectJoin } from '@/features/onboarding/pages-api';

export default function JoinRequestsPage() {
  return (
    <PendingRequestsPage
      title="入组织审核"
      subtitle="凭入组织码提交的申请；通过即加入本组织，不通过需说明原因"
      queryKey="workspace:join-requests"
      load={() => listJoinRequests({ status: 'PENDING' })}
      approve={approveJoin}
      reject={(id, reason) => rejectJoin(id, { reason })}
      approveText={(r) => `${r.name} 将以「${POLITICAL_STATUS_LABELS[r.politicalStatus]}」加入「${r.orgName}」`}
      card={(r) => ({ title: r.name, lines: [`申请加入：${r.orgName}`, `政治面貌：${POLITICAL_STATUS_LABELS[r.politicalStatus]}`, `所在企业：${r.enterpriseName ?? '未填写'}`] })}
      emptyDescription="把入组织码发给还不在花名册中的同志"
      rejectPlaceholder="申请人会看到这段话，如：本支部无此人，请联系所在单位党组织"
    />
  );
}
