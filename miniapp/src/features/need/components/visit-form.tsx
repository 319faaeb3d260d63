import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, type LogVisitRequest, type NeedCategory } from '@torch-red/shared';
import { toPickerParts } from '@/features/workspace/schedule';
import { formatDate } from '@/lib/datetime';
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
}

/** 走访记录: when, whom, what was discussed, and problems — each one optionally raised as a need. */
export function VisitForm({ enterpriseId, enterpriseName, onSubmit }: VisitFormProps) {
  const [visitedOn, setVisitedOn] = useState(() => toPickerParts(new Date().toISOString()).date);
  const [peopleMet, setPeopleMet] = useState('');
  const [discussed, setDiscussed] = useState('');
  const [problems, setProblems] = useState<ProblemDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: number, patch: Partial<ProblemDraft>) => setProblems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const handleSubmit = async () => {
    if (peopleMet.trim() === '' || discussed.trim() === '') {
      setError('请填写走访对象和交流内容');
      return;
    }
    if (problems.some((problem) => problem.title.trim() === '')) {
      setError('请填写每个问题的内容，或删去空的问题');
      return;
    }
    setError(null);
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
      <Picker mode="date" value={visitedOn} onChange={(event) => setVisitedOn(String(event.detail.value))}>
        <View className="visit-form__date">走访日期 {formatDate(visitedOn, { weekday: true })}</View>
      </Picker>
      <Input className="visit-form__input visit-form__people" value={peopleMet} placeholder="走访对象，如：王军（董事长）" maxLength={500} onChange={setPeopleMet} />
      <TextArea className="visit-form__input visit-form__discussed" value={discussed} placeholder="交流了什么" maxLength={5000} rows={3} onChange={setDiscussed} />
      {problems.map((problem, index) => (
        <View key={problem.key} className="visit-form__problem">
          <View className="visit-form__problem-head">
            <Text className="visit-form__problem-label">发现的问题 {index + 1}</Text>
            <Text className="visit-form__problem-remove" onClick={() => setProblems((list) => list.filter((item) => item.key !== problem.key))}>
              删除
            </Text>
          </View>
          <Input className="visit-form__input" value={problem.title} placeholder="问题内容" maxLength={100} onChange={(value) => update(problem.key, { title: value })} />
          <View className="visit-form__chips">
            {NEED_CATEGORIES.map((value) => (
              <Text key={value} className={`visit-form__chip${problem.category === value ? ' visit-form__chip--active' : ''}`} onClick={() => update(problem.key, { category: value })}>
                {NEED_CATEGORY_LABELS[value]}
              </Text>
            ))}
          </View>
          <Text className={`visit-form__raise${problem.raiseNeed ? ' visit-form__raise--on' : ''}`} onClick={() => update(problem.key, { raiseNeed: !problem.raiseNeed })}>
            {problem.raiseNeed ? '☑' : '☐'} 代企业吹哨，转入需求台账
          </Text>
        </View>
      ))}
      <Text className="visit-form__add" onClick={() => setProblems((list) => [...list, { key: Date.now(), title: '', category: 'OTHER', raiseNeed: true }])}>
        + 添加发现的问题
      </Text>
      {error ? <Text className="visit-form__error">{error}</Text> : null}
      <Button className="visit-form__submit" type="primary" shape="round" block loading={busy} disabled={busy} onClick={() => void handleSubmit()}>
        保存走访记录
      </Button>
    </View>
  );
}
