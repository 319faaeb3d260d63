import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import {
  CONTENT_STATUSES,
  CONTENT_STATUS_LABELS,
  PAPER_MODES,
  PAPER_MODE_LABELS,
  QUESTION_TYPE_LABELS,
  type AdminPaperResponse,
  type CreatePaperRequest,
  type PaperQuestionItem,
  type QuestionResponse,
} from '@torch-red/shared';
import { createPaper, listQuestions, updatePaper } from '../question-api';
import { useSave } from '../save';
import { AdminField, AdminPanel } from './admin-panel';
import { ChoiceChips, Refusal } from './org-panel';
import './paper-panel.scss';

const MODE_OPTIONS = PAPER_MODES.map((mode) => ({ value: mode, label: PAPER_MODE_LABELS[mode] }));
const STATUS_OPTIONS = CONTENT_STATUSES.map((status) => ({ value: status, label: CONTENT_STATUS_LABELS[status] }));
/** The server's bounds (CreatePaperDto), checked here first so the person reads them in plain words. */
const BOUNDS = { timeLimitMinutes: [1, 180, '限时'], passScore: [1, 100, '及格线'], maxAttempts: [1, 10, '作答次数'], drawCount: [1, 100, '抽题数量'] } as const;
const MAX_FIXED = 100;

type Draft = Omit<CreatePaperRequest, 'questionIds' | 'timeLimitMinutes' | 'passScore' | 'maxAttempts' | 'drawCount'> & {
  questions: PaperQuestionItem[];
  timeLimitMinutes: string;
  passScore: string;
  maxAttempts: string;
  drawCount: string;
};

const draftOf = (p?: AdminPaperResponse): Draft => ({
  title: p?.title ?? '',
  description: p?.description ?? '',
  mode: p?.mode ?? 'FIXED',
  questions: p?.questions ?? [],
  drawCount: String(p?.drawCount || 10),
  timeLimitMinutes: String(p?.timeLimitMinutes ?? 30),
  passScore: String(p?.passScore ?? 60),
  maxAttempts: String(p?.maxAttempts ?? 2),
  status: p?.status ?? 'DRAFT',
});

/** Finds enabled questions of the bank by part of the stem, to add to a fixed paper. */
function QuestionFinder({ picked, onAdd }: { picked: PaperQuestionItem[]; onAdd: (q: QuestionResponse) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<QuestionResponse[] | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    setBusy(true);
    try {
      setFound((await listQuestions({ q: text.trim() || undefined, enabled: true, limit: 10 })).items);
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="paper-panel__finder">
      <View className="paper-panel__find-row">
        <Input className="paper-panel__find-input" value={text} placeholder="题干中的字词，留空看最新题目" maxLength={100} onChange={setText} onConfirm={() => void find()} />
        <Button className="paper-panel__find" type="primary" shape="round" fill="outline" loading={busy} onClick={() => void find()}>
          查找
        </Button>
      </View>
      {found?.length === 0 ? <Text className="paper-panel__note">没有找到启用中的题目</Text> : null}
      {found?.map((q) => {
        const added = picked.some((p) => p.id === q.id);
        return (
          <View key={q.id} className="paper-panel__result" data-id={q.id}>
            <Text className="paper-panel__result-stem">
              <Text className="paper-panel__type">{QUESTION_TYPE_LABELS[q.type]}</Text> {q.stem}
            </Text>
            <Text className={`paper-panel__add${added ? ' paper-panel__add--done' : ''}`} onClick={added ? undefined : () => onAdd(q)}>
              {added ? '已加入' : '加入'}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

interface PaperPanelProps {
  paper?: AdminPaperResponse;
  onClose: () => void;
  onSaved: (paper: AdminPaperResponse) => Promise<void>;
}

/** A paper: title, fixed questions picked from the bank or a random draw, time limit, pass mark, attempts, 发布. */
export function PaperPanel({ paper, onClose, onSaved }: PaperPanelProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(paper));
  const [problem, setProblem] = useState<string>();
  const save = useSave();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblem(undefined);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...draft.questions];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    set('questions', next);
  };

  const check = (): string | undefined => {
    if (!draft.title.trim()) return '请填写试卷标题';
    if (draft.mode === 'FIXED' && draft.questions.length === 0) return '请从题库中加入题目';
    if (draft.mode === 'FIXED' && draft.questions.some((q) => !q.enabled)) return '试卷中有已停用的题目，请移除或先在题库中启用';
    for (const [key, [min, max, label]] of Object.entries(BOUNDS) as Array<[keyof typeof BOUNDS, readonly [number, number, string]]>) {
      if (key === 'drawCount' && draft.mode !== 'RANDOM') continue;
      const n = Number(draft[key]);
      if (!/^\d+$/.test(draft[key]) || n < min || n > max) return `${label}应为 ${min} 到 ${max} 之间的整数`;
    }
    return undefined;
  };

  const submit = async () => {
    const missing = check();
    if (missing) return setProblem(missing);
    const body: CreatePaperRequest = {
      title: draft.title.trim(),
      description: draft.description.trim(),
      mode: draft.mode,
      ...(draft.mode === 'FIXED' ? { questionIds: draft.questions.map((q) => q.id) } : { drawCount: Number(draft.drawCount) }),
      timeLimitMinutes: Number(draft.timeLimitMinutes),
      passScore: Number(draft.passScore),
      maxAttempts: Number(draft.maxAttempts),
      status: draft.status,
    };
    const saved = await save.run(() => (paper ? updatePaper(paper.id, body) : createPaper(body)), paper ? '已保存' : '已新建试卷');
    if (saved) await onSaved(saved);
  };

  const number = (key: 'timeLimitMinutes' | 'passScore' | 'maxAttempts' | 'drawCount', label: string, unit: string) => (
    <AdminField label={label} name={key}>
      <View className="paper-panel__number">
        <Input type="digit" value={draft[key]} maxLength={3} onChange={(v) => set(key, v)} />
        <Text className="paper-panel__unit">{unit}</Text>
      </View>
    </AdminField>
  );

  return (
    <AdminPanel name="paper" title={paper?.title ?? '新建试卷'} subtitle={paper ? `${PAPER_MODE_LABELS[paper.mode]} · ${paper.questionCount} 题` : '专题测试：固定题目或从题库随机抽题'} onClose={onClose}>
      <View className="paper-panel">
        <AdminField label="标题" name="title">
          <Input value={draft.title} placeholder="如：优化营商环境专题测试" maxLength={100} onChange={(v) => set('title', v)} />
        </AdminField>
        <AdminField label="说明" name="description">
          <TextArea value={draft.description} placeholder="考试范围、注意事项（可不填）" maxLength={500} rows={2} onChange={(v) => set('description', v)} />
        </AdminField>
        <AdminField label="组卷方式" name="mode">
          <ChoiceChips name="paper-mode" options={MODE_OPTIONS} value={draft.mode} onChange={(v) => set('mode', v)} />
        </AdminField>
        {draft.mode === 'FIXED' ? (
          <AdminField label={`试卷题目（${draft.questions.length} 题，按顺序出题）`} name="questions">
            <View className="paper-panel__picked">
              {draft.questions.length === 0 ? <Text className="paper-panel__note">还没有题目，在下方查找并加入</Text> : null}
              {draft.questions.map((q, i) => (
                <View key={q.id} className={`paper-panel__item${q.enabled ? '' : ' paper-panel__item--disabled'}`} data-id={q.id}>
                  <Text className="paper-panel__item-stem">
                    {i + 1}. {q.stem}
                    {q.enabled ? '' : '（已停用）'}
                  </Text>
                  <View className="paper-panel__item-tools">
                    {i > 0 ? (
                      <Text className="paper-panel__tool" onClick={() => move(i, -1)}>
                        上移
                      </Text>
                    ) : null}
                    <Text className="paper-panel__tool paper-panel__remove" onClick={() => set('questions', draft.questions.filter((x) => x.id !== q.id))}>
                      移除
                    </Text>
                  </View>
                </View>
              ))}
              {draft.questions.length < MAX_FIXED ? <QuestionFinder picked={draft.questions} onAdd={(q) => set('questions', [...draft.questions, { id: q.id, type: q.type, stem: q.stem, enabled: q.enabled }])} /> : null}
            </View>
          </AdminField>
        ) : (
          number('drawCount', '抽题数量（每人每次从启用的题目中随机抽取）', '题')
        )}
        {number('timeLimitMinutes', '限时', '分钟')}
        {number('passScore', '及格线（答对题目的百分比）', '%')}
        {number('maxAttempts', '每人可作答次数', '次')}
        <AdminField label="状态" name="status">
          <ChoiceChips name="paper-status" options={STATUS_OPTIONS} value={draft.status} onChange={(v) => set('status', v)} />
          <Text className="paper-panel__note">{draft.status === 'PUBLISHED' ? '已发布：党员在“专题测试”中可以看到并作答' : '草稿：党员看不到，发布后才能作答'}</Text>
        </AdminField>
        <Refusal text={problem ?? save.error} />
        <View className="admin-panel__buttons">
          <Button className="paper-panel__save" type="primary" shape="round" loading={save.busy} onClick={() => void submit()}>
            {paper ? '保存修改' : '保存试卷'}
          </Button>
        </View>
      </View>
    </AdminPanel>
  );
}
