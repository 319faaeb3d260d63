import { REPRESENTATION_KIND_LABELS } from '@torch-red/shared';
import { PendingRequestsPage } from '@/features/onboarding/components/pending-requests-page';
import { approveRepresentation, listRepresentations, rejectRepresentation } from '@/features/onboarding/pages-api';

export default function RepresentationsPage() {
  return (
    <PendingRequestsPage
      title="企业代表审核"
      subtitle="申请作为企业家或企业联络人的同志；通过后可代表企业吹哨"
      queryKey="workspace:representations"
      load={() => listRepresentations({ status: 'PENDING' })}
      approve={approveRepresentation}
      reject={(id, reason) => rejectRepresentation(id, { reason })}
      approveText={(r) => `${r.userName} 将作为「${r.enterpriseName}」的${REPRESENTATION_KIND_LABELS[r.kind]}，可代表企业吹哨`}
      card={(r) => ({ title: r.userName, lines: [`企业：${r.enterpriseName}`, `身份：${REPRESENTATION_KIND_LABELS[r.kind]}`] })}
      rejectPlaceholder="申请人会看到这段话"
    />
  );
}
