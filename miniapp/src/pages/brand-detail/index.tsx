import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getBrand } from '@/features/brand/api';
import { BrandProfile } from '@/features/brand/components/brand-profile';
import { LikeBar } from '@/features/brand/components/like-bar';
import { brandPlace, demoPointLabel } from '@/features/brand/format';
import { useBrandLike } from '@/features/brand/hooks/use-brand-like';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

export default function BrandDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const detail = useQuery(() => getBrand(id), signedIn && id !== '');
  const like = useBrandLike(detail.data);

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (detail.data) {
    const brand = detail.data;
    content = (
      <BrandProfile
        brand={{ ...brand, place: brandPlace(brand), demoPoint: demoPointLabel(brand) }}
        afterHeader={<LikeBar liked={like.liked} likeCount={like.likeCount} viewCount={brand.viewCount} onToggle={() => void like.toggle()} />}
      />
    );
  } else if (detail.error) {
    content = (
      <View className="brand-detail-page__state">
        <ErrorState message={detail.error.message} onRetry={detail.error.statusCode === 404 ? undefined : () => void detail.reload()} />
      </View>
    );
  } else {
    content = (
      <View className="brand-detail-page__state">
        <LoadingState cards={3} />
      </View>
    );
  }

  return <PageShell className="brand-detail-page">{content}</PageShell>;
}
