import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CHAIN_ROLE_LABELS, ORG_TYPE_LABELS, type ChainResponse, type DepartmentResponse, type EnterpriseResponse, type OrgResponse, type OrgStatus, type OrgTreeNode } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { StatusTag } from '@/components/status-tag';
import { listAdminChains, listAdminDepartments, listAdminEnterprises, listAdminOrgs } from '@/features/admin/api';
import { AdminPage } from '@/features/admin/components/admin-page';
import { AdminSplit } from '@/features/admin/components/admin-split';
import { AdminTable, type AdminColumn } from '@/features/admin/components/admin-table';
import { ChainPanel, DepartmentPanel, EnterprisePanel } from '@/features/admin/components/catalog-panels';
import { ClosedOrgPanel, OrgPanel, type OrgRow } from '@/features/admin/components/org-panel';
import { walk } from '@/features/admin/directory';
import { wholeList } from '@/features/admin/save';
import { formatDateTime } from '@/lib/datetime';
import { FilterChips } from '@/features/need/components/filter-chips';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import '../people/index.scss';
import './index.scss';

type Tab = 'orgs' | 'chains' | 'enterprises' | 'departments';
const TABS: ReadonlyArray<{ value: Tab | undefined; label: string }> = [
  { value: 'orgs', label: '组织' },
  { value: 'chains', label: '产业链' },
  { value: 'enterprises', label: '企业' },
  { value: 'departments', label: '部门' },
];
/** The orgs tab shows the tree (在用) or, behind this filter, the orgs an admin has closed. */
const ORG_VIEWS: ReadonlyArray<{ value: OrgStatus | undefined; label: string }> = [
  { value: 'OPEN', label: '在用' },
  { value: 'CLOSED', label: '已关闭' },
];

function rowsOf(nodes: OrgTreeNode[], depth: number, parentId: string | null, into: OrgRow[]): OrgRow[] {
  for (const node of nodes) {
    into.push({ id: node.id, name: node.name, type: node.type, enterpriseId: node.enterpriseId ?? null, parentId, depth });
    rowsOf(node.children, depth + 1, node.id, into);
  }
  return into;
}

/** What the side shows: one item (by id), or the form for a new one. */
type Open = { id: string } | 'new' | undefined;

function OrgsScreen({ tab, open, setOpen }: { tab: Tab; open: Open; setOpen: (open: Open) => void }) {
  const tree = useOrgTree(true);
  const chains = useQuery(listAdminChains, { key: 'admin:chains' });
  const departments = useQuery(listAdminDepartments, { key: 'admin:departments' });
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const enterprises = usePagedList((cursor) => listAdminEnterprises({ q: q || undefined, limit: 20, cursor }), { key: `admin:enterprises:${q}`, enabled: tab === 'enterprises' });
  const [orgView, setOrgView] = useState<OrgStatus>('OPEN');
  const closedOrgs = usePagedList((cursor) => listAdminOrgs({ status: 'CLOSED', limit: 20, cursor }), { key: 'admin:orgs:closed', enabled: tab === 'orgs' && orgView === 'CLOSED' });

  const rows = rowsOf(tree.data ?? [], 0, null, []);
  const orgOptions = walk(tree.data ?? [], 0, []);
  const enterpriseOptions = (chains.data ?? []).flatMap((c) => c.enterprises.map((e) => ({ value: e.id, label: e.name })));
  const enterpriseName = (id: string | null) => enterpriseOptions.find((e) => e.value === id)?.label;
  const chainOptions = (chains.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const committees = rows.filter((r) => r.type === 'INDUSTRY_COMMITTEE').map((r) => ({ value: r.id, label: r.name }));
  const orgName = (id: string) => rows.find((r) => r.id === id)?.name ?? `#${id}`;
  const openId = open && open !== 'new' ? open.id : undefined;
  const close = () => setOpen(undefined);

  const viewChips = (
    <FilterChips
      name="org-view"
      options={ORG_VIEWS}
      value={orgView}
      onChange={(value) => {
        setOrgView(value ?? 'OPEN');
        close();
      }}
    />
  );

  if (tab === 'orgs' && orgView === 'CLOSED') {
    const columns: Array<AdminColumn<OrgResponse>> = [
      { key: 'name', title: '组织', width: '2fr', render: (o) => o.name },
      { key: 'type', title: '类型', width: '0.8fr', render: (o) => <StatusTag text={ORG_TYPE_LABELS[o.type]} tone="info" /> },
      { key: 'closed', title: '关闭时间', width: '1.2fr', render: (o) => (o.closedAt ? formatDateTime(o.closedAt) : '—') },
    ];
    const org = closedOrgs.items.find((o) => o.id === openId);
    const parentName = (id: string | null) => (id ? (rows.find((r) => r.id === id)?.name ?? closedOrgs.items.find((o) => o.id === id)?.name ?? `#${id}`) : undefined);
    return (
      <AdminSplit
        main={
          <>
            {viewChips}
            <AdminTable name="closed-orgs" list={closedOrgs} columns={columns} rowKey={(o) => o.id} selectedKey={openId} onRowClick={(o) => setOpen({ id: o.id })} empty={<EmptyState icon="people" title="没有已关闭的组织" />} />
          </>
        }
        aside={
          org ? (
            <ClosedOrgPanel
              key={org.id}
              org={org}
              parentName={parentName(org.parentId)}
              onClose={close}
              onReopened={async () => {
                await Promise.all([closedOrgs.reload(), tree.reload()]);
                close();
              }}
            />
          ) : undefined
        }
      />
    );
  }

  if (tab === 'orgs') {
    const columns: Array<AdminColumn<OrgRow>> = [
      { key: 'name', title: '组织', width: '2.2fr', render: (o) => <Text className={`orgs-page__name orgs-page__name--d${Math.min(o.depth, 4)}`}>{o.name}</Text> },
      { key: 'type', title: '类型', width: '0.8fr', render: (o) => <StatusTag text={ORG_TYPE_LABELS[o.type]} tone={o.depth < 2 ? 'brand' : 'info'} /> },
      { key: 'enterprise', title: '所在企业', width: '1fr', render: (o) => enterpriseName(o.enterpriseId) ?? '—' },
    ];
    const org = rows.find((r) => r.id === openId);
    return (
      <AdminSplit
        main={
          <>
            {viewChips}
            <AdminTable name="orgs" list={wholeList({ ...tree, data: rows })} columns={columns} rowKey={(o) => o.id} selectedKey={openId} onRowClick={(o) => setOpen({ id: o.id })} empty={<EmptyState icon="people" title="还没有组织" />} />
          </>
        }
        aside={
          org ? (
            <OrgPanel
              key={org.id}
              org={org}
              orgOptions={orgOptions}
              enterpriseOptions={enterpriseOptions}
              enterpriseName={enterpriseName}
              onClose={close}
              onSaved={async (id) => {
                await tree.reload();
                setOpen({ id });
              }}
              onClosed={async () => {
                await tree.reload();
                close();
              }}
            />
          ) : undefined
        }
      />
    );
  }

  if (tab === 'chains') {
    const columns: Array<AdminColumn<ChainResponse>> = [
      { key: 'name', title: '产业链', width: '1.4fr', render: (c) => c.name },
      { key: 'industry', title: '产业', width: '0.8fr', render: (c) => c.industry },
      { key: 'committee', title: '产业党委', width: '1.4fr', render: (c) => orgName(c.committeeOrgId) },
      { key: 'leader', title: '链长企业', width: '1.2fr', render: (c) => c.enterprises.filter((e) => e.chainRole === 'LEADER').map((e) => e.name).join('、') || '—' },
      { key: 'count', title: '企业', width: '0.6fr', render: (c) => `${c.enterprises.length} 家` },
    ];
    const chain = chains.data?.find((c) => c.id === openId);
    const saved = async () => {
      await chains.reload();
      if (open === 'new') close();
    };
    return (
      <AdminSplit
        main={<AdminTable name="chains" list={wholeList(chains)} columns={columns} rowKey={(c) => c.id} selectedKey={openId} onRowClick={(c) => setOpen({ id: c.id })} empty={<EmptyState icon="people" title="还没有产业链" />} />}
        aside={open === 'new' || chain ? <ChainPanel key={chain?.id ?? 'new'} chain={chain} committees={committees} enterprises={enterpriseOptions} onClose={close} onSaved={saved} /> : undefined}
      />
    );
  }

  if (tab === 'enterprises') {
    const columns: Array<AdminColumn<EnterpriseResponse>> = [
      { key: 'name', title: '企业', width: '1.4fr', render: (e) => e.name },
      { key: 'chain', title: '产业链', width: '1.4fr', render: (e) => chainOptions.find((c) => c.value === e.chainId)?.label ?? '—' },
      { key: 'role', title: '链上角色', width: '0.8fr', render: (e) => (e.chainRole ? CHAIN_ROLE_LABELS[e.chainRole] : '—') },
    ];
    const enterprise = enterprises.items.find((e) => e.id === openId);
    const saved = async () => {
      await Promise.all([enterprises.reload(), chains.reload()]);
      if (open === 'new') close();
    };
    return (
      <AdminSplit
        main={
          <>
            <View className="people-page__search">
              <Input className="people-page__input orgs-page__enterprise-q" value={text} placeholder="企业名称的一部分" onChange={setText} onConfirm={() => setQ(text.trim())} />
              <Button className="people-page__find" type="primary" shape="round" onClick={() => setQ(text.trim())}>
                查找
              </Button>
            </View>
            <AdminTable name="enterprises" list={enterprises} columns={columns} rowKey={(e) => e.id} selectedKey={openId} onRowClick={(e) => setOpen({ id: e.id })} empty={<EmptyState icon="people" title={q ? `没有找到“${q}”` : '还没有企业'} />} />
          </>
        }
        aside={open === 'new' || enterprise ? <EnterprisePanel key={enterprise?.id ?? 'new'} enterprise={enterprise} chains={chainOptions} onClose={close} onSaved={saved} /> : undefined}
      />
    );
  }

  const columns: Array<AdminColumn<DepartmentResponse>> = [
    { key: 'name', title: '部门', width: '2fr', render: (d) => d.name },
    { key: 'order', title: '排序', width: '0.6fr', render: (d) => String(d.sortOrder) },
  ];
  const department = departments.data?.find((d) => d.id === openId);
  const saved = async () => {
    await departments.reload();
    if (open === 'new') close();
  };
  return (
    <AdminSplit
      main={<AdminTable name="departments" list={wholeList(departments)} columns={columns} rowKey={(d) => d.id} selectedKey={openId} onRowClick={(d) => setOpen({ id: d.id })} empty={<EmptyState icon="people" title="还没有部门" />} />}
      aside={open === 'new' || department ? <DepartmentPanel key={department?.id ?? 'new'} department={department} onClose={close} onSaved={saved} /> : undefined}
    />
  );
}

const NEW_LABELS: Record<Tab, string | null> = { orgs: null, chains: '新建产业链', enterprises: '新建企业', departments: '新建部门' };

/** 组织架构: the 1+1+X+N tree (rename, move, add below), the chains with their enterprises, enterprises, departments. */
export default function AdminOrgsPage() {
  const [tab, setTab] = useState<Tab>('orgs');
  const [open, setOpen] = useState<Open>();
  const label = NEW_LABELS[tab];
  return (
    <AdminPage
      screen="orgs"
      title="组织架构"
      subtitle="工委 → 产业党委 → 企业党组织 → 支部；产业链、企业与职能部门"
      actions={
        label ? (
          <Button className="orgs-page__create" shape="round" onClick={() => setOpen('new')}>
            {label}
          </Button>
        ) : undefined
      }
    >
      {() => (
        <>
          <FilterChips
            name="orgs-tab"
            options={TABS}
            value={tab}
            onChange={(value) => {
              setTab(value ?? 'orgs');
              setOpen(undefined);
            }}
          />
          <OrgsScreen tab={tab} open={open} setOpen={setOpen} />
        </>
      )}
    </AdminPage>
  );
}
