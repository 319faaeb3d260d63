import type { ReactNode } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';

// The parts of the onboarding forms (绑定码, 加入党组织, 关联企业), styled by onboarding-page.scss.

/** One field card: its label (with * when required, and a hint), then the control. */
export function OnboardingField({ label, required = false, hint, children }: { label: string; required?: boolean; hint?: string; children: ReactNode }) {
  return (
    <View className="onboarding-page__field">
      <View className="onboarding-page__label-row">
        {required ? <Text className="onboarding-page__required">*</Text> : null}
        <Text className="onboarding-page__label">{label}</Text>
        {hint ? <Text className="onboarding-page__hint">{hint}</Text> : null}
      </View>
      {children}
    </View>
  );
}

interface CodeEntryFormProps {
  label: string;
  hint?: string;
  placeholder: string;
  maxLength: number;
  /** As typed, shown in capitals (codes are not case-sensitive). */
  value: string;
  onChange: (value: string) => void;
  submitText: string;
  pending: boolean;
  disabled: boolean;
  onSubmit: () => void;
  /** More ways in under the button (扫码加入). */
  children?: ReactNode;
}

/** A code the person types in (a 绑定码 or an 入组织码) and the button that sends it. */
export function CodeEntryForm({ label, hint, placeholder, maxLength, value, onChange, submitText, pending, disabled, onSubmit, children }: CodeEntryFormProps) {
  return (
    <OnboardingField label={label} hint={hint}>
      <Input className="onboarding-page__input onboarding-page__code-input" value={value} placeholder={placeholder} maxLength={maxLength} onChange={(text) => onChange(text.toUpperCase())} />
      <Button className="onboarding-page__submit" block shape="round" size="large" type="primary" loading={pending} disabled={disabled} onClick={onSubmit}>
        {submitText}
      </Button>
      {children}
    </OnboardingField>
  );
}

/** A choice among a few values, as large chips. */
export function ChoiceChips<T extends string>({ values, labels, value, onChange }: { values: readonly T[]; labels: Record<T, string>; value: T | null; onChange: (value: T) => void }) {
  return (
    <View className="onboarding-page__choices">
      {values.map((option) => (
        <View key={option} className={option === value ? 'onboarding-page__choice onboarding-page__choice--active' : 'onboarding-page__choice'} onClick={() => onChange(option)}>
          <Text>{labels[option]}</Text>
        </View>
      ))}
    </View>
  );
}

/** One of the zone's enterprises, by name; -1 = none chosen yet. */
export function EnterprisePicker({ names, index, placeholder, onChange }: { names: string[]; index: number; placeholder: string; onChange: (index: number) => void }) {
  return (
    <Picker mode="selector" range={names} value={Math.max(0, index)} onChange={(event) => onChange(Number(event.detail.value))}>
      <View className="onboarding-page__picker">
        <Text className={index >= 0 ? '' : 'onboarding-page__placeholder'}>{names[index] ?? placeholder}</Text>
        <Text>›</Text>
      </View>
    </Picker>
  );
}
