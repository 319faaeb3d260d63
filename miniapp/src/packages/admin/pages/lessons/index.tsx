import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CONTENT_STATUS_LABELS, CONTENT_STATUSES, LESSON_KIND_LABELS, type ContentStatus, type LessonDetail, type LessonSummary, type StudyColumnResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { StatusTag } from '@/components/status-tag';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { LessonPanel } from '@/features/admin/components/lesson-panel';
import { StudyColumnPanel } from '@/features/admin/components/study-column-panel';
import { listAdminColumns, listAdminLessons } from '@/features/admin/lesson-api';
import { wholeList } from '@/features/admin/save';
import { FilterChips } from '@/features/need/components/filter-chips';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery, type QueryState } from '@/hooks/use-query';
import { formatDate } from '@/lib/datetime';
import '../people/index.scss';
import './index.scss';

type Tab = 'lessons' | 'columns';
const TABS: ReadonlyArray<{ value: Tab | undefined; label: string }> = [
  { value: 'lessons', label: '课程' },
  { value: 'columns', label: '专栏' },
];
const STATUS_CHIPS: ReadonlyArray<{ value: ContentStatus | undefined; label: string }> = [{ value: undefined, label: '全部状态' }, ...CONTENT_STATUSES.map((s) => ({ value: s, label: CONTENT_STATUS_LABELS[s] }))];
const statusTag = (status: ContentStatus) => <StatusTag text={CONTENT_STATUS_LABELS[status]} tone={status === 'PUBLISHED' ? 'success' : 'muted'} />;

/** What the side shows: one item (by id), the form for a new one, or nothing. */
type Open = { id: string } | 'new' | undefined;

function LessonsTab({ columns, open, setOpen }: { columns: QueryState<StudyColumnResponse[]>; open: Open; setOpen: (open: Open) => void }) {
  const [columnId, setColumnId] = useState<string>();
  const [status, setStatus] = useState<ContentStatus>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const list = usePagedList((cursor) => listAdminLessons({ columnId, status, q: q || undefined, limit: 20, cursor }), { key: `admin:study:lessons:${columnId ?? ''}:${status ?? ''}:${q}`, refreshOnShow: true });
  const columnOptions = (columns.data ?? []).map((c) => ({ value: c.id, label: c.status === 'DRAFT' ? `${c.name}（草稿）` : c.name }));
  const columnName = (id: string) => columns.data?.find((c) => c.id === id)?.name ?? `#${id}`;

  const tableColumns: Array<AdminColumn<LessonSummary>> = [
    { key: 'title', title: '标题', width: '1.8fr', render: (l) => l.title },
    { key: 'column', title: '专栏', width: '1fr', render: (l) => columnName(l.columnId) },
    { key: 'kind', title: '类型', width: '1.1fr', render: (l) => `${LESSON_KIND_LABELS[l.kind]} · ${l.minutes} 分钟` },
    { key: 'status', title: '状态', width: '0.7fr', render: (l) => statusTag(l.status) },
    { key: 'published', title: '发布日期', width: '0.8fr', render: (l) => (l.publishedAt ? formatDate(l.publishedAt) : '—') },
  ];
  const saved = (lesson: LessonDetail) => {
    setOpen({ id: lesson.id });
    void list.reload();
    void columns.reload();
  };
  const filtered = Boolean(columnId || status || q);

  return (
    <AdminSplit
      main={
        <>
          <View className="people-page__search lessons-page__filters">
            <View className="lessons-page__search">
              <Input className="lessons-page__input" value={text} placeholder="标题中的字词" onChange={setText} onConfirm={() => setQ(text.trim())} />
              <Button className="lessons-page__find" type="primary" shape="round" onClick={() => setQ(text.trim())}>
                查找
              </Button>
            </View>
            <FilterChips name="lesson-column" options={[{ value: undefined, label: '全部专栏' }, ...columnOptions]} value={columnId} onChange={setColumnId} />
            <FilterChips name="lesson-status" options={STATUS_CHIPS} value={status} onChange={setStatus} />
          </View>
          <AdminTable
            name="lessons"
            list={list}
            columns={tableColumns}
            rowKey={(l) => l.id}
            selectedKey={open && open !== 'new' ? open.id : undefined}
            onRowClick={(l) => setOpen({ id: l.id })}
            empty={<EmptyState icon="study" title={filtered ? '没有符合条件的课程' : '还没有课程'} description={filtered ? '换一个专栏、状态或字词再看看' : '点击「新建课程」写第一课'} />}
          />
        </>
      }
      aside={
        open ? (
          <LessonPanel
            key={open === 'new' ? 'new' : open.id}
            id={open === 'new' ? undefined : open.id}
            columns={columnOptions}
            columnId={columnId}
            onClose={() => setOpen(undefined)}
            onSaved={saved}
          />
        ) : undefined
      }
    />
  );
}

function ColumnsTab({ columns, open, setOpen }: { columns: QueryState<StudyColumnResponse[]>; open: Open; setOpen: (open: Open) => void }) {
  const tableColumns: Array<AdminColumn<StudyColumnResponse>> = [
    { key: 'name', title: '名称', width: '1.2fr', render: (c) => c.name },
    { key: 'description', title: '简介', width: '2fr', render: (c) => c.description || '—' },
    { key: 'lessons', title: '课程', width: '0.6fr', render: (c) => `${c.lessonCount} 门` },
    { key: 'order', title: '排序', width: '0.5fr', render: (c) => String(c.sortOrder) },
    { key: 'status', title: '状态', width: '0.7fr', render: (c) => statusTag(c.status) },
  ];
  const column = open && open !== 'new' ? columns.data?.find((c) => c.id === open.id) : undefined;
  return (
    <AdminSplit
      main={
        <AdminTable
          name="study-columns"
          list={wholeList(columns)}
          columns={tableColumns}
          rowKey={(c) => c.id}
          selectedKey={column?.id}
          onRowClick={(c) => setOpen({ id: c.id })}
          empty={<EmptyState icon="study" title="还没有专栏" description="点击「新建专栏」开设第一个" />}
        />
      }
      aside={
        open === 'new' || column ? (
          <StudyColumnPanel
            key={column?.id ?? 'new'}
            column={column}
            onClose={() => setOpen(undefined)}
            onSaved={async (saved) => {
              await columns.reload();
              setOpen({ id: saved.id });
            }}
          />
        ) : undefined
      }
    />
  );
}

function LessonsScreen({ tab, open, setOpen }: { tab: Tab; open: Open; setOpen: (open: Open) => void }) {
  const columns = useQuery(listAdminColumns, { key: 'admin:study:columns', refreshOnShow: true });
  return tab === 'lessons' ? <LessonsTab columns={columns} open={open} setOpen={setOpen} /> : <ColumnsTab columns={columns} open={open} setOpen={setOpen} />;
}

const NEW_LABELS: Record<Tab, string> = { lessons: '新建课程', columns: '新建专栏' };

/** 理论学习·课程: lessons (drafts too) by column, status and title; the editor with 预览, 发布 and 撤回; the columns. */
export default function AdminLessonsPage() {
  const [tab, setTab] = useState<Tab>('lessons');
  const [open, setOpen] = useState<Open>();
  return (
    <AdminPage
      screen="lessons"
      title="理论学习·课程"
      subtitle="编写、预览、发布课程，管理专栏"
      actions={
        <Button className="lessons-page__create" shape="round" onClick={() => setOpen('new')}>
          {NEW_LABELS[tab]}
        </Button>
      }
    >
      {() => (
        <>
          <FilterChips
            name="lessons-tab"
            options={TABS}
            value={tab}
            onChange={(value) => {
              setTab(value ?? 'lessons');
              setOpen(undefined);
            }}
          />
          <LessonsScreen tab={tab} open={open} setOpen={setOpen} />
        </>
      )}
    </AdminPage>
  );
}
