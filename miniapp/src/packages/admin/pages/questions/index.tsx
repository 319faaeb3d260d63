import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  CONTENT_STATUS_LABELS,
  DEFAULT_POINT_RULES,
  PAPER_MODE_LABELS,
  QUESTION_TYPES,
  QUESTION_TYPE_LABELS,
  STUDY_FLAG_KINDS,
  STUDY_FLAG_LABELS,
  type AdminPaperResponse,
  type PointRule,
  type QuestionAdminQuery,
  type QuestionResponse,
  type QuestionType,
  type StudyFlagKind,
  type StudyFlagResponse,
} from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { StatusTag } from '@/components/status-tag';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminField } from '@/features/admin/components/admin-panel';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { PaperPanel } from '@/features/admin/components/paper-panel';
import { QuestionImport } from '@/features/admin/components/question-import';
import { QuestionPanel, answerText } from '@/features/admin/components/question-panel';
import { listPapers, listQuestions, listStudyFlags } from '@/features/admin/question-api';
import { wholeList } from '@/features/admin/save';
import { FilterChips } from '@/features/need/components/filter-chips';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { formatDateTime } from '@/lib/datetime';
import '../people/index.scss';
import './index.scss';

type Tab = 'bank' | 'import' | 'papers' | 'flags';
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'bank', label: '题库' },
  { value: 'import', label: '导入' },
  { value: 'papers', label: '试卷' },
  { value: 'flags', label: '异常记录' },
];
const TYPE_CHIPS = [{ value: undefined, label: '全部题型' }, ...QUESTION_TYPES.map((type) => ({ value: type, label: QUESTION_TYPE_LABELS[type] }))];
const ENABLED_CHIPS: ReadonlyArray<{ value: 'on' | 'off' | undefined; label: string }> = [
  { value: undefined, label: '全部状态' },
  { value: 'on', label: '启用中' },
  { value: 'off', label: '已停用' },
];
const FLAG_CHIPS = [{ value: undefined, label: '全部' }, ...STUDY_FLAG_KINDS.map((kind) => ({ value: kind, label: STUDY_FLAG_LABELS[kind] }))];

/** What the side shows: one item (by id), or the form for a new one. */
type Open = { id: string } | 'new' | undefined;

const QUESTION_COLUMNS: Array<AdminColumn<QuestionResponse>> = [
  { key: 'stem', title: '题干', width: '3fr', render: (q) => <Text className="questions-page__stem">{q.stem}</Text> },
  { key: 'type', title: '题型', width: '0.8fr', render: (q) => QUESTION_TYPE_LABELS[q.type] },
  { key: 'answer', title: '答案', width: '0.6fr', render: answerText },
  {
    key: 'state',
    title: '状态',
    width: '1fr',
    render: (q) => (
      <View className="questions-page__tags">
        <StatusTag text={q.enabled ? '启用中' : '已停用'} tone={q.enabled ? 'success' : 'muted'} />
        {q.isSample ? <StatusTag text="示例" tone="info" /> : null}
      </View>
    ),
  },
];

function BankTab({ open, setOpen, version }: { open: Open; setOpen: (open: Open) => void; version: number }) {
  const [type, setType] = useState<QuestionType>();
  const [enabled, setEnabled] = useState<'on' | 'off'>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const query: QuestionAdminQuery = { type, q: q || undefined, enabled: enabled === undefined ? undefined : enabled === 'on' };
  const list = usePagedList((cursor) => listQuestions({ ...query, limit: 20, cursor }), { key: `admin:questions:${JSON.stringify(query)}:${version}` });
  // The question just saved (the freshest copy) stays open even when the list's filters leave it out (a new one).
  const [saved, setSaved] = useState<QuestionResponse>();
  const openId = open && open !== 'new' ? open.id : undefined;
  const question = (saved?.id === openId ? saved : undefined) ?? list.items.find((x) => x.id === openId);
  const filtered = Boolean(type || enabled || q);

  return (
    <AdminSplit
      main={
        <>
          <View className="people-page__search">
            <Input className="people-page__input questions-page__q" value={text} placeholder="题干中的字词" onChange={setText} onConfirm={() => setQ(text.trim())} />
            <Button className="people-page__find questions-page__find" type="primary" shape="round" onClick={() => setQ(text.trim())}>
              查找
            </Button>
          </View>
          <View className="questions-page__filters">
            <FilterChips name="question-type" options={TYPE_CHIPS} value={type} onChange={setType} />
            <FilterChips name="question-enabled" options={ENABLED_CHIPS} value={enabled} onChange={setEnabled} />
          </View>
          <AdminTable
            name="questions"
            list={list}
            columns={QUESTION_COLUMNS}
            rowKey={(x) => x.id}
            selectedKey={openId}
            onRowClick={(x) => setOpen({ id: x.id })}
            empty={<EmptyState icon="document" title={filtered ? '没有符合条件的题目' : '题库还没有题目'} description={filtered ? '换一个题型、状态或字词再看看' : '点击「新建题目」，或在「导入」中从 Excel 批量导入'} />}
          />
        </>
      }
      aside={
        open === 'new' || question ? (
          <QuestionPanel
            key={question ? `${question.id}:${question.enabled}` : 'new'}
            question={question}
            onClose={() => setOpen(undefined)}
            onSaved={async (next) => {
              setSaved(next);
              await list.reload();
              setOpen({ id: next.id });
            }}
          />
        ) : undefined
      }
    />
  );
}

const STATUS_TONES = { DRAFT: 'muted', PUBLISHED: 'success' } as const;
const PAPER_COLUMNS: Array<AdminColumn<AdminPaperResponse>> = [
  { key: 'title', title: '试卷', width: '2fr', render: (p) => p.title },
  { key: 'mode', title: '组卷', width: '1fr', render: (p) => `${PAPER_MODE_LABELS[p.mode]} · ${p.questionCount} 题` },
  { key: 'rules', title: '规则', width: '1.6fr', render: (p) => `限时 ${p.timeLimitMinutes} 分钟 · 及格 ${p.passScore}% · ${p.maxAttempts} 次` },
  { key: 'status', title: '状态', width: '0.7fr', render: (p) => <StatusTag text={CONTENT_STATUS_LABELS[p.status]} tone={STATUS_TONES[p.status]} /> },
];

function PapersTab({ open, setOpen }: { open: Open; setOpen: (open: Open) => void }) {
  const papers = useQuery(listPapers, { key: 'admin:papers' });
  const openId = open && open !== 'new' ? open.id : undefined;
  const paper = papers.data?.find((p) => p.id === openId);
  return (
    <AdminSplit
      main={
        <AdminTable
          name="papers"
          list={wholeList(papers)}
          columns={PAPER_COLUMNS}
          rowKey={(p) => p.id}
          selectedKey={openId}
          onRowClick={(p) => setOpen({ id: p.id })}
          empty={<EmptyState icon="document" title="还没有试卷" description="点击「新建试卷」，从题库选题或随机抽题组卷" />}
        />
      }
      aside={
        open === 'new' || paper ? (
          <PaperPanel
            key={paper?.id ?? 'new'}
            paper={paper}
            onClose={() => setOpen(undefined)}
            onSaved={async (saved) => {
              await papers.reload();
              setOpen({ id: saved.id });
            }}
          />
        ) : undefined
      }
    />
  );
}

const num = (value: unknown): string => (typeof value === 'number' ? String(Math.round(value)) : String(value ?? '?'));

/** A flag's detail in words: which lesson, quiz or paper, and how fast. */
function flagReason(flag: Pick<StudyFlagResponse, 'kind' | 'detail'>): string {
  const d = flag.detail;
  switch (flag.kind) {
    case 'HEARTBEAT_TOO_FAST':
      return `学习课程 #${num(d.lessonId)} 时，两次计时间隔仅 ${num(d.elapsedSeconds)} 秒`;
    case 'PARALLEL_LESSONS':
      return `学习课程 #${num(d.lessonId)} 时又打开了课程 #${num(d.otherLessonId)}`;
    case 'ANSWER_TOO_FAST':
      return d.paperId !== undefined ? `试卷 #${num(d.paperId)} 作答仅用 ${num(d.seconds)} 秒` : `${String(d.day ?? '')} 每日答题仅用 ${num(d.seconds)} 秒`;
    case 'POINTS_BEFORE_CHECKIN':
      return `${String(d.day ?? '')} 未签到即获得「${DEFAULT_POINT_RULES[d.rule as PointRule]?.label ?? String(d.rule ?? '')}」积分`;
    default:
      return Object.entries(d)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('，');
  }
}

const FLAG_COLUMNS: Array<AdminColumn<StudyFlagResponse>> = [
  { key: 'time', title: '时间', width: '1fr', render: (f) => formatDateTime(f.createdAt) },
  { key: 'person', title: '人员', width: '0.8fr', render: (f) => f.userName ?? `#${f.userId}` },
  { key: 'kind', title: '类型', width: '1.2fr', render: (f) => <StatusTag text={f.kindLabel} tone="warning" /> },
  { key: 'reason', title: '情况', width: '2.2fr', render: flagReason },
];

function FlagsTab() {
  const [kind, setKind] = useState<StudyFlagKind>();
  const list = usePagedList((cursor) => listStudyFlags({ kind, limit: 20, cursor }), { key: `admin:study-flags:${kind ?? ''}` });
  return (
    <>
      <View className="questions-page__filters">
        <AdminField label="异常类型" name="flag-kind">
          <FilterChips name="flag-kind" options={FLAG_CHIPS} value={kind} onChange={setKind} />
        </AdminField>
        <Text className="questions-page__note">这些记录供核实学习是否真实；排行榜仅供个人学习参考，不作为考核依据。</Text>
      </View>
      <AdminTable name="flags" list={list} columns={FLAG_COLUMNS} rowKey={(f) => f.id} empty={<EmptyState icon="document" title="没有异常记录" description={kind ? '换一个类型再看看' : '学习计时和答题都在正常范围内'} />} />
    </>
  );
}

const NEW_LABELS: Record<Tab, string | null> = { bank: '新建题目', import: null, papers: '新建试卷', flags: null };

/** 理论学习·题库: the question bank (edit, 停用 / 启用), .xlsx import with a preview, papers, and flagged study records. */
export default function AdminQuestionsPage() {
  const [tab, setTab] = useState<Tab>('bank');
  const [open, setOpen] = useState<Open>();
  // Bumped by an import, so the bank reads afresh when shown again.
  const [version, setVersion] = useState(0);
  const label = NEW_LABELS[tab];
  const show = (next: Tab) => {
    setTab(next);
    setOpen(undefined);
  };
  return (
    <AdminPage
      screen="questions"
      title="理论学习·题库"
      subtitle="维护题库、从 Excel 导入题目、组卷发布专题测试，查看学习异常记录"
      actions={
        label ? (
          <Button className="questions-page__create" shape="round" onClick={() => setOpen('new')}>
            {label}
          </Button>
        ) : undefined
      }
    >
      {() => (
        <>
          <FilterChips name="questions-tab" options={TABS} value={tab} onChange={(value) => show(value ?? 'bank')} />
          {tab === 'bank' ? <BankTab open={open} setOpen={setOpen} version={version} /> : null}
          {tab === 'import' ? <QuestionImport onImported={() => setVersion((v) => v + 1)} onShowBank={() => show('bank')} /> : null}
          {tab === 'papers' ? <PapersTab open={open} setOpen={setOpen} /> : null}
          {tab === 'flags' ? <FlagsTab /> : null}
        </>
      )}
    </AdminPage>
  );
}
