import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { APPEAL_CATEGORIES, APPEAL_CATEGORY_LABELS, type AppealCategory, type ChainResponse, type TalkRegisterRequest } from '@torch-red/shared';
import { fieldErrorsOf } from '@/services/field-errors';
import { EnterprisePicker, type EnterpriseChoice } from './enterprise-picker';
import './talk-register-form.scss';

type FieldKey = 'enterprise' | 'position' | 'phone' | 'category' | 'appeal';

interface TalkRegisterFormProps {
  chains: ChainResponse[];
  /** From 我的 profile: the person's enterprise, when they have one. */
  initialEnterprise?: EnterpriseChoice | null;
  submitText?: string;
  /** Sends the registration; a rejection with per-field details is shown next to the fields. */
  onSubmit: (body: TalkRegisterRequest) => Promise<void>;
}

const APPEAL_MAX = 500;
const PHONE = /^1[3-9]\d{9}$/;
// WeChat's keyboards by name; a browser wants the HTML input types.
const PHONE_INPUT = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

/** Server field names → the box that shows them. */
const SERVER_FIELDS: Record<string, FieldKey> = {
  enterpriseId: 'enterprise',
  enterpriseName: 'enterprise',
  position: 'position',
  phone: 'phone',
  category: 'category',
  appeal: 'appeal',
};

function mapServerErrors(errors: Record<string, string>): Partial<Record<FieldKey, string>> {
  const mapped: Partial<Record<FieldKey, string>> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = SERVER_FIELDS[field];
    if (key && mapped[key] === undefined) {
      mapped[key] = message;
    }
  }
  return mapped;
}

/** 企业家月月谈 registration: enterprise, position, phone and the appeal to raise. */
export function TalkRegisterForm({ chains, initialEnterprise = null, submitText = '提交报名', onSubmit }: TalkRegisterFormProps) {
  const [enterprise, setEnterprise] = useState<EnterpriseChoice | null>(initialEnterprise);
  const [position, setPosition] = useState('');
  const [phone, setPhone] = useState('');
  const [category, setCategory] = useState<AppealCategory | null>(null);
  const [appeal, setAppeal] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [submitting, setSubmitting] = useState(false);

  const clear = (key: FieldKey) => setErrors(({ [key]: _cleared, ...rest }) => rest);

  const check = (): Partial<Record<FieldKey, string>> => {
    const problems: Partial<Record<FieldKey, string>> = {};
    if (!enterprise || enterprise.name.trim() === '') problems.enterprise = '请选择或填写企业名称';
    if (position.trim() === '') problems.position = '请填写职务';
    if (!PHONE.test(phone.trim())) problems.phone = '请填写 11 位手机号';
    if (!category) problems.category = '请选择诉求类别';
    if (appeal.trim() === '') problems.appeal = '请填写诉求内容';
    return problems;
  };

  const handleSubmit = async () => {
    const problems = check();
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !enterprise || !category) {
      return;
    }
    const body: TalkRegisterRequest = {
      ...(enterprise.kind === 'listed' ? { enterpriseId: enterprise.id } : { enterpriseName: enterprise.name.trim() }),
      position: position.trim(),
      phone: phone.trim(),
      category,
      appeal: appeal.trim(),
    };
    setSubmitting(true);
    try {
      await onSubmit(body);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ? mapServerErrors(fields) : {});
    } finally {
      setSubmitting(false);
    }
  };

  const box = (key: FieldKey, label: string, children: ReactNode, hint?: string) => (
    <View className={`talk-form__field${errors[key] ? ' talk-form__field--invalid' : ''}`} data-field={key}>
      <View className="talk-form__label-row">
        <Text className="talk-form__required">*</Text>
        <Text className="talk-form__label">{label}</Text>
        {hint ? <Text className="talk-form__hint">{hint}</Text> : null}
      </View>
      {children}
      {errors[key] ? <Text className="talk-form__error">{errors[key]}</Text> : null}
    </View>
  );

  return (
    <View className="talk-form">
      {box(
        'enterprise',
        '所在企业',
        <EnterprisePicker
          chains={chains}
          value={enterprise}
          onChange={(value) => {
            setEnterprise(value);
            clear('enterprise');
          }}
        />,
      )}
      {box(
        'position',
        '职务',
        <Input
          className="talk-form__input"
          value={position}
          placeholder="如：总经理、董事长"
          maxLength={50}
          clearable
          onChange={(value) => {
            setPosition(value);
            clear('position');
          }}
        />,
      )}
      {box(
        'phone',
        '联系电话',
        <Input
          className="talk-form__input"
          type={PHONE_INPUT}
          value={phone}
          placeholder="请输入 11 位手机号"
          maxLength={11}
          clearable
          onChange={(value) => {
            setPhone(value);
            clear('phone');
          }}
        />,
        '仅承办部门联系使用',
      )}
      {box(
        'category',
        '诉求类别',
        <View className="talk-form__categories">
          {APPEAL_CATEGORIES.map((value) => (
            <Text
              key={value}
              className={`talk-form__category${category === value ? ' talk-form__category--active' : ''}`}
              onClick={() => {
                setCategory(value);
                clear('category');
              }}
            >
              {APPEAL_CATEGORY_LABELS[value]}
            </Text>
          ))}
        </View>,
      )}
      {box(
        'appeal',
        '诉求内容',
        <TextArea
          className="talk-form__appeal"
          value={appeal}
          placeholder="请简要说明遇到的问题和希望得到的支持，承办部门将在会上或会后答复"
          maxLength={APPEAL_MAX}
          showCount
          rows={5}
          onChange={(value) => {
            setAppeal(value);
            clear('appeal');
          }}
        />,
      )}
      <View className="talk-form__actions">
        <Button className="talk-form__submit" type="primary" shape="round" size="large" block loading={submitting} disabled={submitting} onClick={() => void handleSubmit()}>
          {submitText}
        </Button>
        <Text className="talk-form__privacy">手机号加密保存，仅向组织方和承办部门展示</Text>
      </View>
    </View>
  );
}
