import { Text, View } from '@tarojs/components';
import { CHAIN_ROLE_LABELS, type ChainResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { countChainTotals } from '../chain-groups';
import { ChainCard } from './chain-card';
import './chain-map.scss';

interface ChainMapProps {
  chains: ChainResponse[];
  /** Enterprises with a published brand open it on tap. */
  onOpenBrand?: (brandId: string) => void;
}

/** 产业链图谱: the chains of the zone and the role each enterprise plays on its chain. */
export function ChainMap({ chains, onOpenBrand }: ChainMapProps) {
  if (chains.length === 0) {
    return <EmptyState icon="chain" title="暂无产业链" description="产业链图谱尚未录入，请稍后再来看看" />;
  }

  const totals = countChainTotals(chains);

  return (
    <View className="chain-map">
      <View className="chain-map__overview">
        <Text className="chain-map__summary">
          {totals.chains} 条产业链 · {totals.enterprises} 家企业
        </Text>
        <View className="chain-map__stats">
          {(['LEADER', 'CORE', 'MEMBER'] as const).map((role) => (
            <View key={role} className="chain-map__stat">
              <Text className="chain-map__stat-value">{totals[role]}</Text>
              <Text className="chain-map__stat-label">{CHAIN_ROLE_LABELS[role]}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="chain-map__heading">
        <Text className="chain-map__title">产业链图谱</Text>
        <Text className="chain-map__hint">{onOpenBrand ? '带 › 的企业可查看党建品牌' : '链长引领 · 核心示范 · 链上协同'}</Text>
      </View>
      {chains.map((chain) => (
        <ChainCard key={chain.id} chain={chain} onOpenBrand={onOpenBrand} />
      ))}
    </View>
  );
}
