import { Text, View } from '@tarojs/components';
import { BRAND_STATUS_LABELS, type BrandWorkspaceResponse } from '@torch-red/shared';
import { formatDateTime } from '@/lib/datetime';
import './brand-status-banner.scss';

type Tone = 'draft' | 'review' | 'returned' | 'approved';

function describe(brand: Pick<BrandWorkspaceResponse, 'status' | 'returnReason' | 'submittedAt' | 'reviewedAt' | 'hasPublishedVersion'>): { tone: Tone; note: string } {
  const members = brand.hasPublishedVersion ? '成员目前看到的是上一次审核通过的版本。' : '审核通过后成员才能看到。';
  switch (brand.status) {
    case 'DRAFT':
      return { tone: 'draft', note: `修改尚未提交。${members}` };
    case 'SUBMITTED':
      return { tone: 'review', note: `${brand.submittedAt ? `${formatDateTime(brand.submittedAt)} 提交，` : ''}产业党委审核期间不能修改。${members}` };
    case 'RETURNED':
      return { tone: 'returned', note: `退回原因：${brand.returnReason ?? '未说明'}。修改后可重新提交。` };
    case 'APPROVED':
      return { tone: 'approved', note: `${brand.reviewedAt ? `${formatDateTime(brand.reviewedAt)} ` : ''}审核通过，成员已可看到。再次修改需重新审核，期间成员仍看到当前版本。` };
  }
}

/** Where the working copy stands in review, and what members see meanwhile. */
export function BrandStatusBanner({ brand }: { brand: Parameters<typeof describe>[0] }) {
  const { tone, note } = describe(brand);
  return (
    <View className={`brand-status-banner brand-status-banner--${tone}`}>
      <Text className="brand-status-banner__status">{BRAND_STATUS_LABELS[brand.status]}</Text>
      <Text className="brand-status-banner__note">{note}</Text>
    </View>
  );
}
