import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { POLITICAL_STATUS_LABELS, type UserResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { listUsers } from '@/features/admin/api';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { PersonPanel, RoleTags } from '@/features/admin/components/person-panel';
import { useDirectory, type Directory } from '@/features/admin/directory';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES } from '@/services/routes';
import './index.scss';

const columns = (directory: Directory): Array<AdminColumn<UserResponse>> => [
  { key: 'name', title: '姓名', width: '0.8fr', render: (p) => (p.disabled ? `${p.name}（已停用）` : p.name) },
  { key: 'phone', title: '手机号', width: '1fr', render: (p) => p.phone ?? '—' },
  { key: 'org', title: '组织', width: '1.4fr', render: (p) => directory.orgName(p.orgId) ?? '—' },
  { key: 'enterprise', title: '企业', width: '1fr', render: (p) => directory.enterpriseName(p.enterpriseId) ?? '—' },
  { key: 'political', title: '政治面貌', width: '0.8fr', render: (p) => (p.politicalStatus ? POLITICAL_STATUS_LABELS[p.politicalStatus] : '—') },
  { key: 'roles', title: '角色', width: '1.6fr', render: (p) => <RoleTags roles={p.roles} directory={directory} /> },
];

function PeopleScreen() {
  const directory = useDirectory();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string>();
  const list = usePagedList((cursor) => listUsers({ q: q || undefined, limit: 20, cursor }), { key: `admin:users:${q}` });

  return (
    <AdminSplit
      main={
        <>
          <View className="people-page__search">
            <Input className="people-page__input" value={text} placeholder="姓名或完整手机号" onChange={setText} onConfirm={() => setQ(text.trim())} />
            <Button className="people-page__find" type="primary" shape="round" onClick={() => setQ(text.trim())}>
              查找
            </Button>
          </View>
          <AdminTable
            name="people"
            list={list}
            columns={columns(directory)}
            rowKey={(p) => p.id}
            selectedKey={open}
            onRowClick={(p) => setOpen(p.id)}
            empty={<EmptyState icon="people" title={q ? `没有找到“${q}”` : '还没有人员'} description="按姓名的一部分或完整的手机号查找" />}
          />
        </>
      }
      aside={open ? <PersonPanel key={open} id={open} directory={directory} onClose={() => setOpen(undefined)} onChanged={() => void list.reload()} /> : undefined}
    />
  );
}

/** 人员与权限: find people, see where they belong, grant and revoke roles with their scope. */
export default function AdminPeoplePage() {
  const open = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <AdminPage
      screen="people"
      title="人员与权限"
      subtitle="查找人员，查看组织、企业、政治面貌与角色，授予或撤销角色"
      actions={
        <>
          <Button className="people-page__roster" shape="round" onClick={open(ROUTES.workspaceRoster)}>
            花名册
          </Button>
          <Button className="people-page__join-requests" shape="round" onClick={open(ROUTES.workspaceJoinRequests)}>
            入组织审核
          </Button>
        </>
      }
    >
      {() => <PeopleScreen />}
    </AdminPage>
  );
}
