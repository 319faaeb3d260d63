import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { BrandSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listBrands } from '@/features/brand/api';
import { BrandCard } from '@/features/brand/components/brand-card';
import { ChainChips } from '@/features/brand/components/chain-chips';
import { NO_RANKING_NOTE } from '@/features/brand/format';
import { useChains } from '@/features/org/hooks/use-chains';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function BrandsPage() {
  const signedIn = useRequireSession();
  const chains = useChains(signedIn);
  const [chainId, setChainId] = useState<string>();
  const list = usePagedList((cursor) => listBrands({ chainId, limit: 10, cursor }), { key: `brands:${chainId ?? 'all'}`, enabled: signedIn });

  const handleOpen = (brand: BrandSummary) => {
    void Taro.navigateTo({ url: withQuery(ROUTES.brandDetail, { id: brand.id }) });
  };

  const empty = (
    <EmptyState
      icon="brand"
      title={chainId ? '这条产业链还没有发布品牌' : '暂无党建品牌'}
      description={chainId ? '看看其他产业链的支部品牌吧' : '支部书记提交、审核通过后的品牌会出现在这里'}
      action={
        chainId ? (
          <Button type="primary" fill="outline" shape="round" onClick={() => setChainId(undefined)}>
            查看全部品牌
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <PageShell className="brands-page">
      <View className="brands-page__header">
        <Text className="brands-page__title">一链一特色 · 一企一品牌</Text>
        <Text className="brands-page__subtitle">示范点优先展示；{NO_RANKING_NOTE}</Text>
      </View>
      <View className="brands-page__filters">
        <ChainChips chains={chains.data ?? []} value={chainId} onChange={setChainId} />
      </View>
      <View className="brands-page__list">
        <PagedList list={list} empty={empty} onRefresh={chains.reload}>
          {(items) => items.map((brand) => <BrandCard key={brand.id} brand={brand} onClick={handleOpen} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
