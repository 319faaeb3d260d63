import { Picker, Text, View } from '@tarojs/components';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectBoxProps {
  /** Names the box for tests (`action`, `role`). */
  name: string;
  options: readonly SelectOption[];
  value: string | undefined;
  placeholder: string;
  onChange: (value: string | undefined) => void;
  /** Offer 全部 / 不限 first, which clears the choice. */
  clearLabel?: string;
}

/** A choice among a few options (WeChat's and the browser's own picker), drawn as a box that shows the choice. */
export function SelectBox({ name, options, value, placeholder, onChange, clearLabel }: SelectBoxProps) {
  const all = clearLabel ? [{ value: '', label: clearLabel }, ...options] : options;
  const index = all.findIndex((option) => option.value === (value ?? ''));
  const picked = value === undefined ? undefined : options.find((option) => option.value === value);
  return (
    <Picker
      mode="selector"
      range={all.map((option) => option.label)}
      value={Math.max(index, 0)}
      onChange={(event) => {
        const chosen = all[Number(event.detail.value)];
        onChange(chosen && chosen.value !== '' ? chosen.value : undefined);
      }}
    >
      <View className={`admin-field__box select-box select-box--${name}${picked ? '' : ' admin-field__box--empty'}`}>
        <Text>{picked?.label ?? placeholder}</Text>
        <Text className="select-box__arrow">▾</Text>
      </View>
    </Picker>
  );
}
