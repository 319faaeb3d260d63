import { useEffect, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABELS,
  type ImportRosterResponse,
  type ImportRowError,
  type PoliticalStatus,
  type RosterBoundFilter,
  type RosterListQuery,
  type RosterPerson,
} from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { FilterChips } from '@/features/need/components/filter-chips';
import { useMe } from '@/features/profile/hooks/use-me';
import { rosterOrgs } from '@/features/roster/access';
import { downloadTemplate, exportRoster, getOrgTree, importRoster, listRoster, markLeft } from '@/features/roster/api';
import { ImportErrors } from '@/features/roster/components/import-errors';
import { RosterCard } from '@/features/roster/components/roster-card';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { pickSheetFile } from '@/lib/pick-sheet-file';
import { ApiError } from '@/services/http';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

const STATUS_OPTIONS = [{ value: undefined, label: '全部面貌' }, ...POLITICAL_STATUSES.map((value) => ({ value, label: POLITICAL_STATUS_LABELS[value] }))];
const BOUND_OPTIONS: Array<{ value: RosterBoundFilter | undefined; label: string }> = [
  { value: undefined, label: '登录不限' },
  { value: 'true', label: '已登录' },
  { value: 'false', label: '未登录' },
];
const ROLE_OPTIONS: Array<{ value: RosterListQuery['role']; label: string }> = [
  { value: undefined, label: '全部权限' },
  { value: 'SECRETARY', label: '书记' },
  { value: 'COMMITTEE', label: '产业党委' },
  { value: 'ADMIN', label: '管理员' },
];

export default function RosterPage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const me = useMe(signedIn);
  const { params } = useRouter();
  const tree = useQuery(getOrgTree, { key: 'orgs:tree', enabled: signedIn });
  const options = tree.data ? rosterOrgs(me.data ?? user, tree.data) : [];
  const [orgId, setOrgId] = useState<string | undefined>(params.orgId);
  const firstOrgId = options[0]?.id;
  useEffect(() => {
    if (!orgId && firstOrgId) setOrgId(firstOrgId);
  }, [orgId, firstOrgId]);
  const org = options.find((option) => option.id === orgId);

  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [politicalStatus, setPoliticalStatus] = useState<PoliticalStatus | undefined>();
  const [bound, setBound] = useState<RosterBoundFilter | undefined>();
  const [role, setRole] = useState<RosterListQuery['role']>();
  const query: RosterListQuery = { q: q || undefined, politicalStatus, bound, role };
  const list = usePagedList((cursor) => listRoster(orgId ?? '', { ...query, limit: 20, cursor }), {
    key: `roster:${orgId ?? ''}:${JSON.stringify(query)}`,
    enabled: signedIn && orgId !== undefined,
    refreshOnShow: true,
  });

  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<ImportRosterResponse | null>(null);
  const [rowErrors, setRowErrors] = useState<{ message: string; errors: ImportRowError[] } | null>(null);
  const [leaving, setLeaving] = useState<RosterPerson | null>(null);
  const [busy, setBusy] = useState<'template' | 'export' | null>(null);

  const handleImport = async () => {
    const file = await pickSheetFile();
    if (!file) return;
    setImporting(true);
    setResult(null);
    setRowErrors(null);
    try {
      const imported = await importRoster(file);
      setResult(imported);
      void Taro.showToast({ title: '导入完成', icon: 'success' });
      await list.reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ROSTER_IMPORT_INVALID') {
        setRowErrors({ message: error.message, errors: Array.isArray(error.details) ? (error.details as ImportRowError[]) : [] });
      }
      // Anything else was toasted by the HTTP client.
    } finally {
      setImporting(false);
    }
  };

  const handleDownload = async (kind: 'template' | 'export') => {
    setBusy(kind);
    try {
      if (kind === 'template') await downloadTemplate();
      else if (org) await exportRoster(org.id, org.name, query);
      void Taro.showToast({ title: kind === 'template' ? '模板已下载' : '花名册已导出', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(null);
    }
  };

  const handleLeave = async (reason: string) => {
    if (!leaving) return;
    await markLeft(leaving.id, { reason: reason || undefined });
    void Taro.showToast({ title: `${leaving.name} 已标记离开`, icon: 'none' });
    await list.reload();
  };

  const renderPeople = (people: RosterPerson[]) =>
    people.map((person) => (
      <RosterCard
        key={person.id}
        person={person}
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.workspaceRosterPerson, { id: person.id }) })}
        actions={
          <>
            <Button className="roster-page__edit" shape="round" fill="outline" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.workspaceRosterPerson, { id: person.id }) })}>
              编辑
            </Button>
            {person.canMarkLeft ? (
              <Button className="roster-page__leave" shape="round" fill="outline" type="primary" onClick={() => setLeaving(person)}>
                标记离开
              </Button>
            ) : null}
          </>
        }
      />
    ));

  return (
    <PageShell className="roster-page">
      <View className="roster-page__header">
        <Text className="roster-page__title">花名册</Text>
        {options.length > 0 ? (
          <Picker mode="selector" range={options.map((option) => `${'　'.repeat(option.depth)}${option.name}`)} value={Math.max(0, options.findIndex((option) => option.id === orgId))} onChange={(event) => setOrgId(options[Number(event.detail.value)]?.id)}>
            <View className="roster-page__org">
              <Text className="roster-page__org-name">{org?.name ?? '选择党组织'}</Text>
              <Text className="roster-page__org-switch">切换 ▾</Text>
            </View>
          </Picker>
        ) : (
          <Text className="roster-page__subtitle">{tree.data ? '您没有可管理的党组织' : '正在读取党组织…'}</Text>
        )}
        <View className="roster-page__tools">
          <Button className="roster-page__import" shape="round" loading={importing} disabled={importing} onClick={() => void handleImport()}>
            导入花名册
          </Button>
          <Button className="roster-page__template" shape="round" fill="outline" disabled={busy !== null} onClick={() => void handleDownload('template')}>
            下载模板
          </Button>
          <Button className="roster-page__export" shape="round" fill="outline" disabled={busy !== null || !org} onClick={() => void handleDownload('export')}>
            {busy === 'export' ? '导出中…' : '导出'}
          </Button>
        </View>
      </View>

      <View className="roster-page__body">
        {rowErrors ? <ImportErrors message={rowErrors.message} errors={rowErrors.errors} onClose={() => setRowErrors(null)} /> : null}
        {result ? (
          <View className="roster-page__result">
            <Text className="roster-page__result-title">导入完成</Text>
            <Text className="roster-page__result-text">
              新增 {result.created} 人 · 更新 {result.updated} 人 · 未变 {result.unchanged} 人{result.rolesGranted ? ` · 授予书记权限 ${result.rolesGranted} 人` : ''}
              {result.rolesRevoked ? ` · 收回权限 ${result.rolesRevoked} 人` : ''}
            </Text>
          </View>
        ) : null}

        <View className="roster-page__search">
          <Input className="roster-page__search-input" value={search} placeholder="姓名或手机号" confirmType="search" onInput={(event) => setSearch(event.detail.value)} onConfirm={() => setQ(search.trim())} />
          <Button className="roster-page__search-button" shape="round" type="primary" onClick={() => setQ(search.trim())}>
            搜索
          </Button>
        </View>
        <View className="roster-page__filters">
          <FilterChips name="status" options={STATUS_OPTIONS} value={politicalStatus} onChange={setPoliticalStatus} />
          <FilterChips name="bound" options={BOUND_OPTIONS} value={bound} onChange={setBound} />
          <FilterChips name="role" options={ROLE_OPTIONS} value={role} onChange={setRole} />
        </View>

        {orgId ? (
          <PagedList list={list} empty={<EmptyState icon="people" title="没有符合条件的人员" description="可点击上方「导入花名册」，按模板批量添加本组织人员" />}>
            {renderPeople}
          </PagedList>
        ) : null}
      </View>

      <ReasonDialog
        visible={leaving !== null}
        title={`确认 ${leaving?.name ?? ''} 离开本组织？`}
        placeholder="离开原因（选填），如：转出至其他园区、退休。离开后其权限收回、登录失效，历史记录保留"
        maxLength={200}
        confirmText="确认离开"
        onConfirm={handleLeave}
        onClose={() => setLeaving(null)}
      />
    </PageShell>
  );
}
