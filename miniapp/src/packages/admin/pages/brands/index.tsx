import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { BrandSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { StatusTag } from '@/components/status-tag';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { DemoPointPanel } from '@/features/admin/components/demo-point-panel';
import { listBrands } from '@/features/brand/api';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES } from '@/services/routes';

const COLUMNS: Array<AdminColumn<BrandSummary>> = [
  { key: 'name', title: '品牌', width: '1.4fr', render: (b) => b.name },
  { key: 'org', title: '党组织', width: '1.4fr', render: (b) => b.orgName },
  { key: 'chain', title: '产业链', width: '1fr', render: (b) => b.chainName ?? '—' },
  { key: 'demo', title: '示范点', width: '0.9fr', render: (b) => (b.isDemoPoint ? <StatusTag text={`${b.demoPointYear ?? ''} 示范点`} tone="gold" /> : '—') },
];

function BrandsScreen() {
  const list = usePagedList((cursor) => listBrands({ limit: 20, cursor }), { key: 'admin:brands', refreshOnShow: true });
  const [open, setOpen] = useState<BrandSummary>();
  return (
    <AdminSplit
      main={
        <AdminTable
          name="brands"
          list={list}
          columns={COLUMNS}
          rowKey={(b) => b.id}
          selectedKey={open?.id}
          onRowClick={setOpen}
          empty={<EmptyState icon="brand" title="还没有发布的品牌" description="支部提交、审核通过的品牌会出现在这里" />}
        />
      }
      aside={
        open ? (
          <DemoPointPanel
            key={open.id}
            brand={open}
            onClose={() => setOpen(undefined)}
            onSaved={(brand) => {
              setOpen(brand);
              void list.reload();
            }}
          />
        ) : undefined
      }
    />
  );
}

/** 品牌与示范点: the published brands with their 示范点 naming; the review queue is 品牌审核's page. */
export default function AdminBrandsPage() {
  return (
    <AdminPage
      screen="brands"
      title="品牌与示范点"
      subtitle="已发布的党建品牌；选中一个即可命名年度示范点"
      actions={
        <Button className="brands-page__review" shape="round" onClick={() => void Taro.navigateTo({ url: ROUTES.workspaceBrandReview })}>
          品牌审核
        </Button>
      }
    >
      {() => <BrandsScreen />}
    </AdminPage>
  );
}
