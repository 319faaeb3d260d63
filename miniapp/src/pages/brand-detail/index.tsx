import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getBrand } from '@/features/brand/api';
import { BrandProfile } from '@/features/brand/components/brand-profile';
import { LikeBar } from '@/features/brand/components/like-bar';
import { brandPlace, demoPointLabel } from '@/features/brand/format';
import { useBrandLike } from '@/features/brand/hooks/use-brand-like';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

export default function BrandDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const detail = useQuery(() => getBrand(id), { key: `brand:${id}`, enabled: signedIn && id !== '' });
  const like = useBrandLike(detail.data);
  usePullToRefresh(detail.reload);

  return (
    <PageShell className="brand-detail-page">
      <QueryView query={detail} stateClassName="brand-detail-page__state">
        {(brand) => (
          <BrandProfile
            brand={{ ...brand, place: brandPlace(brand), demoPoint: demoPointLabel(brand) }}
            afterHeader={<LikeBar liked={like.liked} likeCount={like.likeCount} viewCount={brand.viewCount} onToggle={() => void like.toggle()} />}
          />
        )}
      </QueryView>
    </PageShell>
  );
}
