import { Text, View } from '@tarojs/components';
import { CHAIN_ROLE_LABELS, type ChainEnterprise, type ChainResponse } from '@torch-red/shared';
import { groupByChainRole } from '../chain-groups';
import './chain-card.scss';

interface ChainCardProps {
  chain: ChainResponse;
  /** Enterprises with a published brand open it on tap. */
  onOpenBrand?: (brandId: string) => void;
}

type OpenBrand = ChainCardProps['onOpenBrand'];

function brandTap(enterprise: ChainEnterprise, onOpenBrand: OpenBrand): (() => void) | undefined {
  const { brandId } = enterprise;
  return brandId && onOpenBrand ? () => onOpenBrand(brandId) : undefined;
}

function EnterpriseGroup({ title, enterprises, tone, onOpenBrand }: { title: string; enterprises: ChainEnterprise[]; tone: 'core' | 'member'; onOpenBrand: OpenBrand }) {
  if (enterprises.length === 0) {
    return null;
  }
  return (
    <View className={`chain-card__group chain-card__group--${tone}`}>
      <View className="chain-card__group-title">
        <Text className="chain-card__group-name">{title}</Text>
        <Text className="chain-card__group-count">{enterprises.length} 家</Text>
      </View>
      <View className="chain-card__chips">
        {enterprises.map((enterprise) => {
          const handleTap = brandTap(enterprise, onOpenBrand);
          return (
            <Text key={enterprise.id} className={`chain-card__chip chain-card__chip--${tone}${handleTap ? ' chain-card__chip--branded' : ''}`} onClick={handleTap}>
              {enterprise.name}
            </Text>
          );
        })}
      </View>
    </View>
  );
}

function Leaders({ leaders, onOpenBrand }: { leaders: ChainEnterprise[]; onOpenBrand: OpenBrand }) {
  if (leaders.length === 0) {
    return (
      <View className="chain-card__leaders">
        <View className="chain-card__leader chain-card__leader--missing">
          <Text className="chain-card__leader-badge">{CHAIN_ROLE_LABELS.LEADER}</Text>
          <Text className="chain-card__leader-name">暂未确定</Text>
        </View>
      </View>
    );
  }
  return (
    <View className="chain-card__leaders">
      {leaders.map((leader) => {
        const handleTap = brandTap(leader, onOpenBrand);
        return (
          <View key={leader.id} className={`chain-card__leader${handleTap ? ' chain-card__leader--branded' : ''}`} onClick={handleTap}>
            <Text className="chain-card__leader-badge">{CHAIN_ROLE_LABELS.LEADER}</Text>
            <Text className="chain-card__leader-name">{leader.name}</Text>
          </View>
        );
      })}
    </View>
  );
}

export function ChainCard({ chain, onOpenBrand }: ChainCardProps) {
  const groups = groupByChainRole(chain.enterprises);

  return (
    <View className="chain-card">
      <View className="chain-card__head">
        <View className="chain-card__title">
          <Text className="chain-card__name">{chain.name}</Text>
          <Text className="chain-card__industry">{chain.industry}</Text>
        </View>
        <Text className="chain-card__total">{chain.enterprises.length} 家企业</Text>
      </View>

      {chain.enterprises.length === 0 ? (
        <Text className="chain-card__none">该产业链暂无入链企业</Text>
      ) : (
        <>
          <Leaders leaders={groups.LEADER} onOpenBrand={onOpenBrand} />
          <EnterpriseGroup title={CHAIN_ROLE_LABELS.CORE} enterprises={groups.CORE} tone="core" onOpenBrand={onOpenBrand} />
          <EnterpriseGroup title={CHAIN_ROLE_LABELS.MEMBER} enterprises={groups.MEMBER} tone="member" onOpenBrand={onOpenBrand} />
        </>
      )}
    </View>
  );
}
