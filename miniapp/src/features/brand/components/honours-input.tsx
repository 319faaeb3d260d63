import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { BRAND_LIMITS } from '@torch-red/shared';
import './honours-input.scss';

interface HonoursInputProps {
  value: string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
}

/** Honours as tags: type one, tap 添加; tap × to remove. */
export function HonoursInput({ value, onChange, disabled = false }: HonoursInputProps) {
  const [draft, setDraft] = useState('');
  const full = value.length >= BRAND_LIMITS.honoursMax;

  const handleAdd = () => {
    const honour = draft.trim();
    if (honour === '' || full) {
      return;
    }
    if (!value.includes(honour)) {
      onChange([...value, honour]);
    }
    setDraft('');
  };

  return (
    <View className="honours-input">
      <View className="honours-input__tags">
        {value.map((honour) => (
          <View key={honour} className="honours-input__tag">
            <Text className="honours-input__tag-text">{honour}</Text>
            {disabled ? null : (
              <Text className="honours-input__remove" onClick={() => onChange(value.filter((item) => item !== honour))}>
                ×
              </Text>
            )}
          </View>
        ))}
        {value.length === 0 ? <Text className="honours-input__none">暂无荣誉</Text> : null}
      </View>
      {disabled ? null : (
        <View className="honours-input__row">
          <Input
            className="honours-input__input"
            value={draft}
            placeholder={full ? `最多 ${BRAND_LIMITS.honoursMax} 项` : '如：专精特新“小巨人”企业'}
            maxLength={BRAND_LIMITS.honourMaxLength}
            disabled={full}
            onChange={setDraft}
            onConfirm={handleAdd}
          />
          <Text className={`honours-input__add${draft.trim() === '' || full ? ' honours-input__add--off' : ''}`} onClick={handleAdd}>
            添加
          </Text>
        </View>
      )}
    </View>
  );
}
