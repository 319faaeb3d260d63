import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BRAND_LIMITS, type BrandWorkspaceResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { approveBrand, listBrandsToReview, returnBrand } from '@/features/brand/workspace-api';
import { ReviewCard } from '@/features/brand/components/review-card';
import { usePagedList } from '@/hooks/use-paged-list';
import './index.scss';

export default function BrandReviewPage() {
  const signedIn = useRequireSession();
  const queue = usePagedList(listBrandsToReview, { key: 'review:brands', enabled: signedIn });
  const [returning, setReturning] = useState<BrandWorkspaceResponse | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const handleApprove = async (brand: BrandWorkspaceResponse) => {
    const { confirm } = await Taro.showModal({ title: '通过审核', content: `通过后「${brand.content.name}」将向所有成员展示，确定通过吗？`, confirmText: '通过', confirmColor: '#c8102e' });
    if (!confirm) return;
    setBusyId(brand.id);
    try {
      await approveBrand(brand.id);
      void Taro.showToast({ title: '已通过，品牌已发布', icon: 'none' });
      await queue.reload();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusyId(null);
    }
  };
  const handleReturn = async (reason: string) => {
    if (!returning) return;
    await returnBrand(returning.id, { reason });
    void Taro.showToast({ title: '已退回，书记会收到原因', icon: 'none' });
    await queue.reload();
  };

  return (
    <PageShell className="brand-review-page">
      <View className="brand-review-page__header">
        <Text className="brand-review-page__title">品牌审核</Text>
        <Text className="brand-review-page__subtitle">{queue.items.length > 0 ? `${queue.items.length}${queue.hasMore ? ' 个以上' : ' 个'}待审核` : '审核支部提交的党建品牌'} · 通过后立即向成员发布</Text>
      </View>
      <View className="brand-review-page__list">
        <PagedList list={queue} loadingCards={2} empty={<EmptyState icon="review" title="没有待审核的品牌" description="支部书记提交品牌后会出现在这里" />}>
          {(brands) =>
            brands.map((brand) => (
              <ReviewCard key={brand.id} brand={brand} busy={busyId === brand.id} onApprove={() => void handleApprove(brand)} onReturn={() => setReturning(brand)} />
            ))
          }
        </PagedList>
      </View>
      <ReasonDialog
        visible={returning !== null}
        title="退回修改"
        placeholder="请写明需要修改的地方，书记会看到"
        required
        maxLength={BRAND_LIMITS.reasonMaxLength}
        confirmText="退回"
        onConfirm={handleReturn}
        onClose={() => setReturning(null)}
      />
    </PageShell>
  );
}
