import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import { ACTIVITY_LIMITS, FORM_FIELD_TYPES, FORM_FIELD_TYPE_LABELS, type FormField } from '@torch-red/shared';
import { isChoice, newField, parseOptions, withType } from '../form-fields';
import './form-field-builder.scss';

interface FormFieldBuilderProps {
  fields: FormField[];
  onChange: (fields: FormField[]) => void;
  /** Server problems keyed like `formFields.0.label`, or by the field's key. */
  errors?: Record<string, string>;
}

function errorFor(errors: Record<string, string>, index: number, field: FormField): string | undefined {
  const prefix = `formFields.${index}`;
  const found = Object.entries(errors).find(([key]) => key === field.key || key === prefix || key.startsWith(`${prefix}.`));
  return found?.[1];
}

/** The secretary's sign-up form designer: which questions people answer when they sign up. */
export function FormFieldBuilder({ fields, onChange, errors = {} }: FormFieldBuilderProps) {
  // What the person typed into each options box, so separators survive until the next option.
  const [optionDrafts, setOptionDrafts] = useState<Record<string, string>>({});

  const update = (index: number, next: FormField) => onChange(fields.map((field, i) => (i === index ? next : field)));

  const handleAdd = () => onChange([...fields, newField(fields)]);

  const handleRemove = (index: number) => onChange(fields.filter((_, i) => i !== index));

  const handleOptions = (index: number, text: string) => {
    const field = fields[index];
    setOptionDrafts((previous) => ({ ...previous, [field.key]: text }));
    update(index, { ...field, options: parseOptions(text) });
  };

  return (
    <View className="form-field-builder">
      {fields.length === 0 ? <Text className="form-field-builder__empty">暂无报名项：报名时只需确认，无需填写信息</Text> : null}
      {fields.map((field, index) => {
        const error = errorFor(errors, index, field);
        return (
          <View key={field.key} className={`form-field-builder__field${error ? ' form-field-builder__field--invalid' : ''}`} data-key={field.key}>
            <View className="form-field-builder__head">
              <Text className="form-field-builder__index">报名项 {index + 1}</Text>
              <Text className="form-field-builder__remove" onClick={() => handleRemove(index)}>
                删除
              </Text>
            </View>
            <Input
              className="form-field-builder__label"
              value={field.label}
              maxLength={50}
              placeholder="名称，如：单位名称"
              onChange={(label) => update(index, { ...field, label })}
            />
            <View className="form-field-builder__types">
              {FORM_FIELD_TYPES.map((type) => (
                <Text
                  key={type}
                  className={`form-field-builder__type${field.type === type ? ' form-field-builder__type--active' : ''}`}
                  onClick={() => update(index, withType(field, type))}
                >
                  {FORM_FIELD_TYPE_LABELS[type]}
                </Text>
              ))}
            </View>
            {isChoice(field.type) ? (
              <Input
                className="form-field-builder__options"
                value={optionDrafts[field.key] ?? (field.options ?? []).join('，')}
                maxLength={ACTIVITY_LIMITS.optionsMax * (ACTIVITY_LIMITS.optionMaxLength + 1)}
                placeholder="选项，用逗号分隔，如：党建，技术，市场"
                onChange={(text) => handleOptions(index, text)}
              />
            ) : null}
            <View className="form-field-builder__required">
              <Text className="form-field-builder__required-label">必填</Text>
              <Switch checked={field.required} onChange={(required) => update(index, { ...field, required })} />
            </View>
            {error ? <Text className="form-field-builder__error">{error}</Text> : null}
          </View>
        );
      })}
      {fields.length < ACTIVITY_LIMITS.formFieldsMax ? (
        <Button className="form-field-builder__add" fill="dashed" type="primary" block onClick={handleAdd}>
          + 添加报名项
        </Button>
      ) : null}
    </View>
  );
}
