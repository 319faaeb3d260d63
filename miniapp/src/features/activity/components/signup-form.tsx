import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro';
import { ACTIVITY_LIMITS, type FormAnswers, type FormField } from '@torch-red/shared';
import { fieldErrorsOf } from '@/services/field-errors';
import { checkDraft, toAnswers, type DraftAnswers } from '../answers';
// Only the sign-up form uses these two: their styles travel with it (into the activity subpackage).
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import './signup-form.scss';

interface SignupFormProps {
  fields: FormField[];
  submitText?: string;
  /** Sends the answers; a rejection with per-field details is shown next to the fields. */
  onSubmit: (answers: FormAnswers) => Promise<void>;
}

// WeChat's keyboards by name; a browser wants the HTML input types.
const PHONE_INPUT = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

function FieldControl({ field, value, onChange }: { field: FormField; value: string | string[] | undefined; onChange: (value: string | string[]) => void }) {
  const options = field.options ?? [];
  switch (field.type) {
    case 'select':
      return (
        <Radio.Group className="signup-form__choices" value={typeof value === 'string' ? value : ''} onChange={(next) => onChange(String(next))}>
          {options.map((option) => (
            <Radio key={option} className="signup-form__choice" value={option}>
              {option}
            </Radio>
          ))}
        </Radio.Group>
      );
    case 'multiselect':
      return (
        <Checkbox.Group className="signup-form__choices" value={Array.isArray(value) ? value : []} onChange={(next) => onChange(next)}>
          {options.map((option) => (
            <Checkbox key={option} className="signup-form__choice" value={option} label={option} />
          ))}
        </Checkbox.Group>
      );
    default:
      return (
        <Input
          className="signup-form__input"
          name={field.key}
          type={field.type === 'phone' ? PHONE_INPUT : field.type === 'number' ? 'digit' : 'text'}
          value={typeof value === 'string' ? value : ''}
          maxLength={field.type === 'phone' ? 11 : ACTIVITY_LIMITS.answerTextMaxLength}
          placeholder={field.type === 'phone' ? '请输入 11 位手机号' : field.type === 'number' ? '请输入数字' : `请输入${field.label}`}
          clearable
          onChange={(next) => onChange(next)}
        />
      );
  }
}

/** The sign-up form an activity asks for, built from its `formFields`. */
export function SignupForm({ fields, submitText = '提交报名', onSubmit }: SignupFormProps) {
  const [draft, setDraft] = useState<DraftAnswers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  const handleChange = (key: string, value: string | string[]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const handleSubmit = async () => {
    const problems = checkDraft(fields, draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(toAnswers(fields, draft));
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
    } finally {
      setSubmitting(false);
    }
  };

  const keys = new Set(fields.map((field) => field.key));
  const otherErrors = Object.entries(errors).filter(([field]) => !keys.has(field));

  return (
    <View className="signup-form">
      {fields.length === 0 ? <Text className="signup-form__none">本活动无需填写报名信息，确认后即可报名。</Text> : null}
      {fields.map((field) => (
        <View key={field.key} className={`signup-form__field${errors[field.key] ? ' signup-form__field--invalid' : ''}`} data-field={field.key}>
          <View className="signup-form__label-row">
            {field.required ? <Text className="signup-form__required">*</Text> : null}
            <Text className="signup-form__label">{field.label}</Text>
            {field.type === 'multiselect' ? <Text className="signup-form__hint">可多选</Text> : null}
            {!field.required ? <Text className="signup-form__hint">选填</Text> : null}
          </View>
          <FieldControl field={field} value={draft[field.key]} onChange={(value) => handleChange(field.key, value)} />
          {errors[field.key] ? <Text className="signup-form__error">{errors[field.key]}</Text> : null}
        </View>
      ))}
      {otherErrors.map(([field, message]) => (
        <Text key={field} className="signup-form__error signup-form__error--general">
          {message}
        </Text>
      ))}
      <View className="signup-form__actions">
        <Button className="signup-form__submit" type="primary" shape="round" size="large" block loading={submitting} disabled={submitting} onClick={() => void handleSubmit()}>
          {submitText}
        </Button>
      </View>
    </View>
  );
}
