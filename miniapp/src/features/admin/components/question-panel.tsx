import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { QUESTION_TYPES, QUESTION_TYPE_LABELS, STUDY_LIMITS, type CreateQuestionRequest, type QuestionResponse, type QuestionType } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { createQuestion, updateQuestion } from '../question-api';
import { useSave } from '../save';
import { AdminField, AdminPanel } from './admin-panel';
import { ChoiceChips, Refusal } from './org-panel';
import './question-panel.scss';

const TYPE_OPTIONS = QUESTION_TYPES.map((type) => ({ value: type, label: QUESTION_TYPE_LABELS[type] }));
const JUDGE_OPTIONS = ['正确', '错误'];
/** A, B, C … for option i. */
export const optionLetter = (i: number): string => String.fromCharCode(65 + i);
/** `AC`, or 正确 / 错误 for a judgement. */
export const answerText = (q: Pick<QuestionResponse, 'type' | 'answer' | 'options'>): string =>
  q.type === 'JUDGE' ? q.answer.map((i) => q.options[i] ?? JUDGE_OPTIONS[i]).join('') : q.answer.map(optionLetter).join('');

const draftOf = (q?: QuestionResponse): CreateQuestionRequest =>
  q ? { type: q.type, stem: q.stem, options: q.type === 'JUDGE' ? [] : [...q.options], answer: [...q.answer], explanation: q.explanation } : { type: 'SINGLE', stem: '', options: ['', '', '', ''], answer: [], explanation: '' };

/** What is missing before saving, in the words the form shows (the server checks again). */
function problemOf(d: CreateQuestionRequest): string | undefined {
  if (!d.stem.trim()) return '请填写题干';
  if (d.type !== 'JUDGE' && d.options.filter((o) => o.trim()).length < 2) return '请至少填写两个选项';
  if (d.answer.length === 0) return '请选择正确答案';
  if (d.type === 'MULTIPLE' && d.answer.length < 2) return '多选题至少选两个正确答案';
  if (!d.explanation.trim()) return '请填写解析';
  return undefined;
}

interface QuestionPanelProps {
  /** The question to edit; a new one without. */
  question?: QuestionResponse;
  onClose: () => void;
  onSaved: (question: QuestionResponse) => Promise<void>;
}

/** One question of the bank: type, stem, options with the right answer marked, explanation; 停用 / 启用. */
export function QuestionPanel({ question, onClose, onSaved }: QuestionPanelProps) {
  const [draft, setDraft] = useState<CreateQuestionRequest>(() => draftOf(question));
  const [problem, setProblem] = useState<string>();
  const save = useSave();
  const toggle = useSave();
  const set = <K extends keyof CreateQuestionRequest>(key: K, value: CreateQuestionRequest[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblem(undefined);
  };
  const options = draft.type === 'JUDGE' ? JUDGE_OPTIONS : draft.options;

  const setType = (type: QuestionType) => {
    setDraft((d) => ({ ...d, type, answer: type === 'MULTIPLE' || d.type === 'MULTIPLE' || type === 'JUDGE' || d.type === 'JUDGE' ? [] : d.answer, options: type === 'JUDGE' ? [] : d.options.length ? d.options : ['', '', '', ''] }));
    setProblem(undefined);
  };
  const pick = (i: number) => set('answer', draft.type === 'MULTIPLE' ? (draft.answer.includes(i) ? draft.answer.filter((a) => a !== i) : [...draft.answer, i].sort((a, b) => a - b)) : [i]);
  const setOption = (i: number, text: string) => set('options', draft.options.map((o, j) => (j === i ? text : o)));
  const removeOption = (i: number) => {
    setDraft((d) => ({ ...d, options: d.options.filter((_, j) => j !== i), answer: d.answer.filter((a) => a !== i).map((a) => (a > i ? a - 1 : a)) }));
    setProblem(undefined);
  };

  const submit = async () => {
    // Empty options at the end are dropped; one in the middle stays, for the server to name.
    const trimmed = [...draft.options];
    while (trimmed.length && !trimmed[trimmed.length - 1].trim() && !draft.answer.includes(trimmed.length - 1)) trimmed.pop();
    const body: CreateQuestionRequest = { ...draft, stem: draft.stem.trim(), explanation: draft.explanation.trim(), options: draft.type === 'JUDGE' ? [] : trimmed.map((o) => o.trim()) };
    const missing = problemOf(body);
    if (missing) return setProblem(missing);
    const saved = await save.run(() => (question ? updateQuestion(question.id, body) : createQuestion(body)), question ? '已保存' : '已加入题库');
    if (saved) await onSaved(saved);
  };

  const switchEnabled = async () => {
    if (!question) return;
    const disabling = question.enabled;
    const { confirm } = await Taro.showModal({
      title: disabling ? '停用题目' : '启用题目',
      content: disabling ? '停用后每日答题和随机组卷不再抽到这道题；已组好的固定试卷需另行调整。' : '启用后这道题会重新出现在每日答题和随机组卷中。',
      confirmText: disabling ? '停用' : '启用',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    const saved = await toggle.run(() => updateQuestion(question.id, { enabled: !disabling }), disabling ? '已停用' : '已启用');
    if (saved) await onSaved(saved);
  };

  return (
    <AdminPanel
      name="question"
      title={question ? `题目 #${question.id}` : '新建题目'}
      subtitle={question ? `${QUESTION_TYPE_LABELS[question.type]}${question.isSample ? ' · 示例题' : ''}` : '加入题库后即可被每日答题和随机组卷抽到'}
      onClose={onClose}
    >
      <View className="question-panel">
        {question ? (
          <View className="question-panel__state">
            <StatusTag text={question.enabled ? '启用中' : '已停用'} tone={question.enabled ? 'success' : 'muted'} />
            <Button className={`question-panel__toggle question-panel__toggle--${question.enabled ? 'disable' : 'enable'}`} size="small" shape="round" fill="outline" type="primary" loading={toggle.busy} onClick={() => void switchEnabled()}>
              {question.enabled ? '停用' : '启用'}
            </Button>
          </View>
        ) : null}
        <Refusal text={toggle.error} />
        <AdminField label="题型" name="type">
          <ChoiceChips name="question-type" options={TYPE_OPTIONS} value={draft.type} onChange={setType} />
        </AdminField>
        <AdminField label="题干" name="stem">
          <TextArea value={draft.stem} placeholder="如：中国共产党的根本宗旨是什么？" maxLength={500} rows={3} onChange={(v) => set('stem', v)} />
        </AdminField>
        <AdminField label={draft.type === 'MULTIPLE' ? '选项（点字母标出所有正确答案）' : '选项（点字母标出正确答案）'} name="options">
          <View className="question-panel__options">
            {options.map((text, i) => {
              const right = draft.answer.includes(i);
              return (
                <View key={i} className={`question-panel__option${right ? ' question-panel__option--right' : ''}`} data-option={optionLetter(i)}>
                  <Text className={`question-panel__letter${right ? ' question-panel__letter--right' : ''}`} onClick={() => pick(i)}>
                    {draft.type === 'JUDGE' ? (right ? '✓' : '') : optionLetter(i)}
                  </Text>
                  {draft.type === 'JUDGE' ? (
                    <Text className="question-panel__judge" onClick={() => pick(i)}>
                      {text}
                    </Text>
                  ) : (
                    <>
                      <Input className="question-panel__option-input" value={text} placeholder={`选项 ${optionLetter(i)}`} maxLength={200} onChange={(v) => setOption(i, v)} />
                      {options.length > 2 ? (
                        <Text className="question-panel__remove" onClick={() => removeOption(i)}>
                          删除
                        </Text>
                      ) : null}
                    </>
                  )}
                </View>
              );
            })}
            {draft.type !== 'JUDGE' && draft.options.length < STUDY_LIMITS.optionsMax ? (
              <Text className="question-panel__add" onClick={() => set('options', [...draft.options, ''])}>
                ＋ 添加选项
              </Text>
            ) : null}
          </View>
        </AdminField>
        <AdminField label="解析（答题后展示）" name="explanation">
          <TextArea value={draft.explanation} placeholder="如：党章规定，党的根本宗旨是全心全意为人民服务。" maxLength={STUDY_LIMITS.textMaxLength} rows={3} onChange={(v) => set('explanation', v)} />
        </AdminField>
        <Refusal text={problem ?? save.error} />
        <View className="admin-panel__buttons">
          <Button className="question-panel__save" type="primary" shape="round" loading={save.busy} onClick={() => void submit()}>
            {question ? '保存修改' : '加入题库'}
          </Button>
        </View>
      </View>
    </AdminPanel>
  );
}
