import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { SelectOption } from './select-box';
import './person-picker.scss';

interface SearchPickProps {
  /** Names the control for tests (`scope`). */
  name: string;
  options: readonly SelectOption[];
  value: string | undefined;
  placeholder: string;
  onChange: (value: string | undefined) => void;
}

const SHOWN = 8;

/** One of many options (an org among hundreds) by typing part of its name; the pick shows as a chip to clear. */
export function SearchPick({ name, options, value, placeholder, onChange }: SearchPickProps) {
  const [text, setText] = useState('');
  const picked = options.find((option) => option.value === value);
  if (picked) {
    return (
      <View className={`person-picker person-picker--picked search-pick--${name}`}>
        <Text className="person-picker__chip">{picked.label.trim()}</Text>
        <Text className="person-picker__clear" onClick={() => onChange(undefined)}>
          清除
        </Text>
      </View>
    );
  }
  const words = text.trim();
  const matches = words ? options.filter((option) => option.label.includes(words)) : [];
  return (
    <View className={`person-picker search-pick--${name}`}>
      <Input className="person-picker__input" value={text} placeholder={placeholder} onChange={setText} />
      {words ? (
        <View className="person-picker__results">
          {matches.length === 0 ? <Text className="person-picker__none">没有名称含“{words}”的</Text> : null}
          {matches.slice(0, SHOWN).map((option) => (
            <Text
              key={option.value}
              className="person-picker__result"
              onClick={() => {
                setText('');
                onChange(option.value);
              }}
            >
              {option.label.trim()}
            </Text>
          ))}
          {matches.length > SHOWN ? <Text className="person-picker__none">还有 {matches.length - SHOWN} 个，请输入更完整的名称</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
