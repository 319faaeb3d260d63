import { Picker, ScrollView, Text, View } from '@tarojs/components';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, type ActivityType, type ChainResponse } from '@torch-red/shared';
import './activity-filters.scss';

export type DateRange = 'upcoming' | 'all';

export interface ActivityFilterValue {
  type?: ActivityType;
  /** Only the person's own organisation (and its branches). */
  mineOnly: boolean;
  chainId?: string;
  range: DateRange;
}

interface ActivityFiltersProps {
  value: ActivityFilterValue;
  onChange: (value: ActivityFilterValue) => void;
  chains: ChainResponse[];
  /** 本组织 is offered only to people who belong to one. */
  hasOrg: boolean;
}

const RANGES: Array<{ value: DateRange; label: string }> = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'all', label: '全部' },
];

export function ActivityFilters({ value, onChange, chains, hasOrg }: ActivityFiltersProps) {
  const chainNames = ['全部产业链', ...chains.map((chain) => chain.name)];
  const chainIndex = value.chainId ? chains.findIndex((chain) => chain.id === value.chainId) + 1 : 0;

  const handleChainChange = (index: number) => {
    onChange({ ...value, chainId: index === 0 ? undefined : chains[index - 1]?.id });
  };

  return (
    <View className="activity-filters">
      <ScrollView className="activity-filters__types" scrollX enableFlex>
        {[undefined, ...ACTIVITY_TYPES].map((type) => (
          <Text
            key={type ?? 'ALL'}
            className={`activity-filters__type${value.type === type ? ' activity-filters__type--active' : ''}`}
            onClick={() => onChange({ ...value, type })}
          >
            {type ? ACTIVITY_TYPE_LABELS[type] : '全部类型'}
          </Text>
        ))}
      </ScrollView>
      <View className="activity-filters__row">
        <View className="activity-filters__segments">
          {RANGES.map((range) => (
            <Text
              key={range.value}
              className={`activity-filters__segment${value.range === range.value ? ' activity-filters__segment--active' : ''}`}
              onClick={() => onChange({ ...value, range: range.value })}
            >
              {range.label}
            </Text>
          ))}
        </View>
        {hasOrg ? (
          <Text
            className={`activity-filters__toggle${value.mineOnly ? ' activity-filters__toggle--active' : ''}`}
            onClick={() => onChange({ ...value, mineOnly: !value.mineOnly })}
          >
            本组织
          </Text>
        ) : null}
        <Picker mode="selector" range={chainNames} value={chainIndex} onChange={(event) => handleChainChange(Number(event.detail.value))}>
          <View className={`activity-filters__chain${value.chainId ? ' activity-filters__chain--active' : ''}`}>
            <Text className="activity-filters__chain-name">{chainNames[chainIndex] ?? '全部产业链'}</Text>
            <Text className="activity-filters__caret" />
          </View>
        </Picker>
      </View>
    </View>
  );
}
