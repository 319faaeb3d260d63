import { ScrollView, Text, View } from '@tarojs/components';
import type { ChainResponse } from '@torch-red/shared';
import './chain-chips.scss';

interface ChainChipsProps {
  chains: ChainResponse[];
  /** Undefined = 全部. */
  value: string | undefined;
  onChange: (chainId: string | undefined) => void;
}

/** 全部 + one chip per industry chain, scrolling sideways. */
export function ChainChips({ chains, value, onChange }: ChainChipsProps) {
  const options = [{ id: undefined, name: '全部' }, ...chains.map((chain) => ({ id: chain.id, name: chain.name }))];
  return (
    <View className="chain-chips">
      <ScrollView className="chain-chips__scroll" scrollX enhanced showScrollbar={false}>
        <View className="chain-chips__row">
          {options.map((option) => (
            <Text
              key={option.id ?? 'all'}
              className={`chain-chips__chip${option.id === value ? ' chain-chips__chip--active' : ''}`}
              onClick={() => onChange(option.id)}
            >
              {option.name}
            </Text>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
