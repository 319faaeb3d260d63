import { ScrollView, Text, View } from '@tarojs/components';
import './filter-chips.scss';

interface FilterChipsProps<T extends string> {
  /** Names this row for tests and styles (`status`, `category`). */
  name: string;
  options: ReadonlyArray<{ value: T | undefined; label: string }>;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}

/** One sideways-scrolling row of filter chips; `undefined` is 全部. */
export function FilterChips<T extends string>({ name, options, value, onChange }: FilterChipsProps<T>) {
  return (
    <ScrollView className={`filter-chips filter-chips--${name}`} scrollX enhanced showScrollbar={false}>
      <View className="filter-chips__row">
        {options.map((option) => (
          <Text
            key={option.value ?? 'all'}
            className={`filter-chips__chip${option.value === value ? ' filter-chips__chip--active' : ''}`}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </Text>
        ))}
      </View>
    </ScrollView>
  );
}
