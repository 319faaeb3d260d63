import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, type LogVisitRequest, type NeedCategory } from '@torch-red/shared';
import { toPickerParts } from '@/features/workspace/schedule';
import { formatDay } from '../workspace-format';
import './visit-form.scss';

interface ProblemDraft {
  key: number;
  title: string;
  category: NeedCategory;
  raiseNeed: boolean;
}

interface VisitFormProps {
  enterpriseId: string;
  enterpriseName: string;
  onSubmit: (body: LogVisitRequest) => Promise<void>;
  onCancel?: () => void;
}

type Errors = Partial<Record<'peopleMet' | 'discussed' | number, string>>;

/** 走访记录: when, whom, what was discussed, and problems — each one optionally raised as a need. */
export function VisitForm({ enterpriseId, enterpriseName, onSubmit, onCancel }: VisitFormProps) {
  const today = toPickerParts(new Date().toISOString()).date;
  const [visitedOn, setVisitedOn] = useState(today);
  const [peopleMet, setPeopleMet] = useState('');
  const [discussed, setDiscussed] = useState('');
  const [problems, setProblems] = useState<ProblemDraft[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  /** Typing into a field clears that field's error at once. */
  const clear = (field: keyof Errors) => setErrors(({ [field]: _gone, ...rest }) => rest);
  const update = (key: number, patch: Partial<ProblemDraft>) => {
    if (patch.title !== undefined) clear(key);
    setProblems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  };

  const handleSubmit = async () => {
    const found: Errors = {};
    if (peopleMet.trim() === '') found.peopleMet = '请填写走访对象';
    if (discussed.trim() === '') found.discussed = '请填写交流内容';
    for (const problem of problems) if (problem.title.trim() === '') found[problem.key] = '请填写问题内容，或删去这个问题';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit({
        enterpriseId,
        visitedOn,
        peopleMet: peopleMet.trim(),
        discussed: discussed.trim(),
        problems: problems.map((problem) => ({ title: problem.title.trim(), description: problem.title.trim(), category: problem.category, raiseNeed: problem.raiseNeed })),
      });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="visit-form">
      <Text className="visit-form__title">记录走访 · {enterpriseName}</Text>

      <Text className="visit-form__label">走访日期</Text>
      <Picker mode="date" value={visitedOn} end={today} onChange={(event) => setVisitedOn(String(event.detail.value))}>
        <View className="visit-form__date">
          <Text>{formatDay(visitedOn)}</Text>
          <Text className="visit-form__date-change">更改 ›</Text>
        </View>
      </Picker>

      <Text className="visit-form__label">走访对象</Text>
      <Input
        className={`visit-form__input visit-form__people${errors.peopleMet ? ' visit-form__input--invalid' : ''}`}
        value={peopleMet}
        placeholder="如：王军（董事长）"
        maxLength={500}
        onChange={(value) => {
          setPeopleMet(value);
          clear('peopleMet');
        }}
      />
      {errors.peopleMet ? <Text className="visit-form__error visit-form__error--people">{errors.peopleMet}</Text> : null}

      <Text className="visit-form__label">交流内容</Text>
      <TextArea
        className={`visit-form__input visit-form__discussed${errors.discussed ? ' visit-form__input--invalid' : ''}`}
        value={discussed}
        placeholder="了解了哪些情况、交流了什么"
        maxLength={5000}
        rows={3}
        autoSize
        onChange={(value) => {
          setDiscussed(value);
          clear('discussed');
        }}
      />
      {errors.discussed ? <Text className="visit-form__error visit-form__error--discussed">{errors.discussed}</Text> : null}

      {problems.map((problem, index) => (
        <View key={problem.key} className="visit-form__problem">
          <View className="visit-form__problem-head">
            <Text className="visit-form__problem-label">发现的问题 {index + 1}</Text>
            <Text
              className="visit-form__problem-remove"
              onClick={() => {
                setProblems((list) => list.filter((item) => item.key !== problem.key));
                clear(problem.key);
              }}
            >
              删除
            </Text>
          </View>
          <Text className="visit-form__label">问题内容</Text>
          <Input
            className={`visit-form__input${errors[problem.key] ? ' visit-form__input--invalid' : ''}`}
            value={problem.title}
            placeholder="如：高端算法人才招不到"
            maxLength={100}
            onChange={(value) => update(problem.key, { title: value })}
          />
          {errors[problem.key] ? <Text className="visit-form__error">{errors[problem.key]}</Text> : null}
          <Text className="visit-form__label">问题类别</Text>
          <View className="visit-form__chips">
            {NEED_CATEGORIES.map((value) => (
              <Text key={value} className={`visit-form__chip${problem.category === value ? ' visit-form__chip--active' : ''}`} onClick={() => update(problem.key, { category: value })}>
                {NEED_CATEGORY_LABELS[value]}
              </Text>
            ))}
          </View>
          <Checkbox className="visit-form__raise" checked={problem.raiseNeed} label="代企业吹哨，转入需求台账" onChange={(checked) => update(problem.key, { raiseNeed: checked })} />
        </View>
      ))}
      <Text className="visit-form__add" onClick={() => setProblems((list) => [...list, { key: Date.now(), title: '', category: 'OTHER', raiseNeed: true }])}>
        + 添加发现的问题
      </Text>
      <View className="visit-form__buttons">
        {onCancel ? (
          <Button className="visit-form__cancel" shape="round" fill="outline" disabled={busy} onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button className="visit-form__submit" type="primary" shape="round" loading={busy} disabled={busy} onClick={() => void handleSubmit()}>
          保存走访记录
        </Button>
      </View>
    </View>
  );
}
