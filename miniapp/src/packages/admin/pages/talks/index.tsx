import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACTIVITY_STATUS_LABELS, type CreateTalkRequest, type TalkSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { StatusTag } from '@/components/status-tag';
import { createTalk, listAdminTalks, updateTalk } from '@/features/admin/api';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminPanel } from '@/features/admin/components/admin-panel';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { TalkForm } from '@/features/admin/components/talk-form';
import { TalkPanel } from '@/features/admin/components/talk-panel';
import { useDirectory } from '@/features/admin/directory';
import { usePagedList } from '@/hooks/use-paged-list';
import { formatTimeRange } from '@/lib/datetime';
import './index.scss';

const STATUS_TONES = { DRAFT: 'muted', PUBLISHED: 'success', CANCELLED: 'danger' } as const;

const COLUMNS: Array<AdminColumn<TalkSummary>> = [
  { key: 'theme', title: '主题', width: '1.6fr', render: (t) => t.theme },
  { key: 'time', title: '时间', width: '1.6fr', render: (t) => formatTimeRange(t.activity.startAt, t.activity.endAt) },
  { key: 'status', title: '状态', width: '0.7fr', render: (t) => <StatusTag text={ACTIVITY_STATUS_LABELS[t.activity.status]} tone={STATUS_TONES[t.activity.status]} /> },
  { key: 'seats', title: '报名', width: '0.9fr', render: (t) => `${t.activity.confirmedCount}/${t.activity.capacity ?? '不限'}${t.activity.pendingCount ? ` · ${t.activity.pendingCount} 待审` : ''}` },
  { key: 'minutes', title: '纪要', width: '0.6fr', render: (t) => (t.minutesPublished ? '已发布' : '—') },
];

/** What the side shows: a session, its edit form, or the form for a new one. */
type Open = { kind: 'talk'; talk: TalkSummary } | { kind: 'edit'; talk: TalkSummary } | { kind: 'new' } | null;

function TalksScreen({ creating, onCreated }: { creating: boolean; onCreated: () => void }) {
  const directory = useDirectory();
  const list = usePagedList((cursor) => listAdminTalks({ limit: 20, cursor }), { key: 'admin:talks', refreshOnShow: true });
  const [open, setOpen] = useState<Open>(null);
  const shown: Open = creating ? { kind: 'new' } : open;
  const close = () => {
    setOpen(null);
    onCreated();
  };
  const show = async (talk: TalkSummary) => {
    setOpen({ kind: 'talk', talk });
    await list.reload();
  };

  const save = async (body: CreateTalkRequest) => {
    const saved = shown?.kind === 'edit' ? await updateTalk(shown.talk.id, body) : await createTalk(body);
    void Taro.showToast({ title: shown?.kind === 'edit' ? '已保存' : '已保存为草稿，确认无误后发布', icon: 'none' });
    onCreated();
    await show(saved);
  };

  let aside;
  if (shown?.kind === 'new' || shown?.kind === 'edit') {
    aside = (
      <AdminPanel name="talk-form" title={shown.kind === 'new' ? '新建月月谈' : `编辑 · ${shown.talk.theme}`} onClose={close}>
        <TalkForm key={shown.kind === 'edit' ? shown.talk.id : 'new'} talk={shown.kind === 'edit' ? shown.talk : undefined} departments={directory.departmentOptions} onSubmit={save} />
      </AdminPanel>
    );
  } else if (shown?.kind === 'talk') {
    aside = (
      <AdminPanel name="talk" title={shown.talk.theme} subtitle="企业家月月谈" onClose={close}>
        <TalkPanel talk={shown.talk} onEdit={() => setOpen({ kind: 'edit', talk: shown.talk })} onChanged={(talk) => void show(talk)} />
      </AdminPanel>
    );
  }

  return (
    <AdminSplit
      main={
        <AdminTable
          name="talks"
          list={list}
          columns={COLUMNS}
          rowKey={(t) => t.id}
          selectedKey={shown && shown.kind !== 'new' ? shown.talk.id : undefined}
          onRowClick={(talk) => {
            onCreated();
            setOpen({ kind: 'talk', talk });
          }}
          empty={<EmptyState icon="talk" title="还没有月月谈" description="点击「新建月月谈」安排第一期" />}
        />
      }
      aside={aside}
    />
  );
}

/** 企业家月月谈: every session (drafts too); create, edit, publish, minutes; registrations and appeals on their pages. */
export default function AdminTalksPage() {
  const [creating, setCreating] = useState(false);
  return (
    <AdminPage
      screen="talks"
      title="企业家月月谈"
      subtitle="安排场次、发布报名、答复诉求与发布会议纪要"
      actions={
        <Button className="talks-page__create" shape="round" onClick={() => setCreating(true)}>
          新建月月谈
        </Button>
      }
    >
      {() => <TalksScreen creating={creating} onCreated={() => setCreating(false)} />}
    </AdminPage>
  );
}
