import { Picker, Text, View } from '@tarojs/components';
import './org-picker.scss';

export interface OrgOption {
  id: string;
  name: string;
}

interface OrgPickerProps {
  options: OrgOption[];
  value: string | undefined;
  onChange: (orgId: string) => void;
}

/** Which of the organisations the viewer runs a workspace page is about. */
export function OrgPicker({ options, value, onChange }: OrgPickerProps) {
  const index = Math.max(0, options.findIndex((o) => o.id === value));
  if (options.length <= 1) {
    return <Text className="org-picker__single">{options[0]?.name ?? '你没有可管理的党组织'}</Text>;
  }
  return (
    <Picker mode="selector" range={options.map((o) => o.name)} value={index} onChange={(event) => onChange(options[Number(event.detail.value)].id)}>
      <View className="org-picker">
        <Text className="org-picker__name">{options[index]?.name}</Text>
        <Text className="org-picker__switch">切换 ›</Text>
      </View>
    </Picker>
  );
}
