import { Text, View } from '@tarojs/components';
import './chain-bars.scss';

export interface ChainBar {
  key: string;
  label: string;
  value: number;
  /** What is printed after the bar; the value by default. */
  display?: string;
}

/** Horizontal bars drawn with plain Views (percent widths), so weapp and H5 look the same. */
export function ChainBars({ bars }: { bars: ChainBar[] }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <View className="chain-bars">
      {bars.map((bar) => {
        const percent = max > 0 ? Math.max(2, Math.round((bar.value / max) * 100)) : 0;
        return (
          <View key={bar.key} className="chain-bars__row" data-chain={bar.label}>
            <Text className="chain-bars__label">{bar.label}</Text>
            <View className="chain-bars__track">
              <View className="chain-bars__fill" style={{ width: `${bar.value > 0 ? percent : 0}%` }} />
            </View>
            <Text className="chain-bars__value">{bar.display ?? bar.value}</Text>
          </View>
        );
      })}
    </View>
  );
}
