import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { CreateTalkRequest, TalkSummary } from '@torch-red/shared';
import { DateTimeField } from '@/features/workspace/components/date-time-field';
import { chinaDayAt } from '@/features/workspace/schedule';
import { fieldErrorsOf } from '@/services/field-errors';
import type { SelectOption } from './select-box';
import { AdminField } from './admin-panel';
import './talk-form.scss';

interface TalkFormProps {
  /** The session to edit; a new one without. */
  talk?: TalkSummary;
  departments: SelectOption[];
  onSubmit: (body: CreateTalkRequest) => Promise<void>;
}

const draftOf = (talk?: TalkSummary): CreateTalkRequest =>
  talk
    ? {
        theme: talk.theme,
        description: talk.activity.description,
        location: talk.activity.location,
        startAt: talk.activity.startAt,
        endAt: talk.activity.endAt,
        signupEndAt: talk.activity.signupEndAt,
        capacity: talk.activity.capacity ?? 30,
        hostDepartmentIds: talk.hostDepartments.map((d) => d.id),
      }
    : { theme: '', description: '', location: '', startAt: chinaDayAt(30, 14), endAt: chinaDayAt(30, 17), signupEndAt: chinaDayAt(27, 18), capacity: 30, hostDepartmentIds: [] };

/** A 月月谈 session's theme, time, place, seats, registration deadline and host departments (create or edit). */
export function TalkForm({ talk, departments, onSubmit }: TalkFormProps) {
  const [draft, setDraft] = useState<CreateTalkRequest>(() => draftOf(talk));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CreateTalkRequest>(key: K, value: CreateTalkRequest[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const check = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (draft.theme.trim() === '') problems.theme = '请填写主题';
    if (draft.location.trim() === '') problems.location = '请填写地点';
    if (draft.endAt <= draft.startAt) problems.endAt = '结束时间要晚于开始时间';
    if (draft.signupEndAt > draft.startAt) problems.signupEndAt = '报名截止要早于开始时间';
    if (!Number.isInteger(draft.capacity) || draft.capacity < 1) problems.capacity = '请填写席位数';
    if (draft.hostDepartmentIds.length === 0) problems.hostDepartmentIds = '请至少选择一个承办部门';
    return problems;
  };

  const submit = async () => {
    const problems = check();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await onSubmit({ ...draft, theme: draft.theme.trim(), location: draft.location.trim() });
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof CreateTalkRequest, label: string, control: ReactNode) => (
    <AdminField label={label} name={key}>
      {control}
      {errors[key] ? <Text className="talk-form__error">{errors[key]}</Text> : null}
    </AdminField>
  );
  const toggle = (id: string) =>
    set('hostDepartmentIds', draft.hostDepartmentIds.includes(id) ? draft.hostDepartmentIds.filter((d) => d !== id) : [...draft.hostDepartmentIds, id]);

  return (
    <View className="talk-form">
      {field('theme', '主题', <Input value={draft.theme} placeholder="如：稳链强链与要素保障" maxLength={60} onChange={(v) => set('theme', v)} />)}
      {field('description', '简介', <TextArea value={draft.description} placeholder="本期议题、参会企业与议程" maxLength={5000} rows={3} onChange={(v) => set('description', v)} />)}
      {field('location', '地点', <Input value={draft.location} placeholder="如：新兴产业党群服务中心 一楼报告厅" maxLength={200} onChange={(v) => set('location', v)} />)}
      {field('startAt', '开始', <DateTimeField value={draft.startAt} onChange={(v) => set('startAt', v)} />)}
      {field('endAt', '结束', <DateTimeField value={draft.endAt} onChange={(v) => set('endAt', v)} />)}
      {field('signupEndAt', '报名截止', <DateTimeField value={draft.signupEndAt} onChange={(v) => set('signupEndAt', v)} />)}
      {field('capacity', '席位', <Input type="digit" value={String(draft.capacity)} maxLength={4} onChange={(v) => set('capacity', Number(v))} />)}
      {field(
        'hostDepartmentIds',
        '承办部门',
        <View className="admin-chips talk-form__departments">
          {departments.map((d) => (
            <Text key={d.value} className={`admin-chip talk-form__department${draft.hostDepartmentIds.includes(d.value) ? ' admin-chip--on' : ''}`} onClick={() => toggle(d.value)}>
              {d.label}
            </Text>
          ))}
        </View>,
      )}
      <View className="admin-panel__buttons">
        <Button className="talk-form__submit" type="primary" shape="round" loading={busy} onClick={() => void submit()}>
          {talk ? '保存修改' : '保存为草稿'}
        </Button>
      </View>
    </View>
  );
}
