import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { InstructorSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { listInstructors } from '@/features/admin/api';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { InstructorPanel } from '@/features/admin/components/instructor-panel';
import { wholeList } from '@/features/admin/save';
import { useEnterpriseOptions } from '@/features/onboarding/hooks/use-enterprise-options';
import { useQuery } from '@/hooks/use-query';
import { ROUTES } from '@/services/routes';

const COLUMNS: Array<AdminColumn<InstructorSummary>> = [
  { key: 'name', title: '指导员', width: '1fr', render: (i) => i.name },
  { key: 'enterprises', title: '联系企业', width: '0.8fr', render: (i) => `${i.enterpriseCount} 家` },
  { key: 'visits', title: '走访', width: '0.8fr', render: (i) => `${i.visitCount} 次` },
  { key: 'last', title: '最近走访', width: '1fr', render: (i) => i.lastVisitedOn ?? '尚未走访' },
];

function InstructorsScreen() {
  const instructors = useQuery(listInstructors, { key: 'admin:instructors', refreshOnShow: true });
  const enterprises = useEnterpriseOptions(true);
  const options = (enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }));
  const [open, setOpen] = useState<string>();
  const instructor = instructors.data?.find((i) => i.id === open);
  return (
    <AdminSplit
      main={
        <AdminTable
          name="instructors"
          list={wholeList(instructors)}
          columns={COLUMNS}
          rowKey={(i) => i.id}
          selectedKey={open}
          onRowClick={(i) => setOpen(i.id)}
          empty={<EmptyState icon="people" title="还没有党建指导员" description="在「人员与权限」中为人员授予党建指导员角色" />}
        />
      }
      aside={instructor ? <InstructorPanel key={instructor.id} instructor={instructor} enterprises={options} onClose={() => setOpen(undefined)} onChanged={() => void instructors.reload()} /> : undefined}
    />
  );
}

/** 指导员: the 党建指导员, the enterprises each looks after (assign, take back) and their visits. */
export default function AdminInstructorsPage() {
  return (
    <AdminPage
      screen="instructors"
      title="指导员"
      subtitle="为党建指导员分配联系企业，查看每个人的走访记录"
      actions={
        <Button className="instructors-page__people" shape="round" onClick={() => void Taro.redirectTo({ url: ROUTES.adminPeople })}>
          授予指导员角色
        </Button>
      }
    >
      {() => <InstructorsScreen />}
    </AdminPage>
  );
}
