import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  COMPLIANCE_STATE_LABELS,
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  type ComplianceRow,
  type ComplianceState,
  type ComplianceTotals,
  type MeetingKind,
  type MeetingPeriodUnit,
} from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { FilterChips } from '@/features/need/components/filter-chips';
import { getChains } from '@/features/org/api';
import { downloadMeetingBook, exportCompliance, getCompliance } from '@/features/org-life/api';
import { ComplianceRowCard } from '@/features/org-life/components/compliance-row';
import { currentPeriod, nextPeriod, periodLabel, previousPeriod, recentPeriods, unitOf } from '@/features/org-life/periods';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

const UNITS: Array<{ unit: MeetingPeriodUnit; label: string; count: number }> = [
  { unit: 'MONTH', label: '月', count: 24 },
  { unit: 'QUARTER', label: '季度', count: 12 },
  { unit: 'YEAR', label: '年', count: 5 },
];
// Overdue first, as the table is ordered.
const STATE_ORDER: ComplianceState[] = ['OVERDUE', 'DUE', 'UPCOMING', 'DONE'];
const STATE_OPTIONS = [{ value: undefined, label: '全部状态' }, ...STATE_ORDER.map((value) => ({ value, label: COMPLIANCE_STATE_LABELS[value] }))];
const KIND_OPTIONS = [{ value: undefined, label: '全部类型' }, ...MEETING_KINDS.map((value) => ({ value, label: MEETING_KIND_LABELS[value] }))];

/** 组织生活合规 (committee staff: their chains; admins: everywhere): one period's state per organisation and kind. */
export default function CompliancePage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const { params } = useRouter();
  const [period, setPeriod] = useState(params.period ?? currentPeriod('QUARTER'));
  const unit = unitOf(period);
  const options = recentPeriods(unit, UNITS.find((item) => item.unit === unit)?.count ?? 12);
  const running = options[0];
  const [state, setState] = useState<ComplianceState | undefined>();
  const [kind, setKind] = useState<MeetingKind | undefined>();
  const [chainId, setChainId] = useState<string | undefined>();
  const [totals, setTotals] = useState<{ key: string; totals: ComplianceTotals } | null>(null);
  const [busy, setBusy] = useState(false);

  const chains = useQuery(getChains, { key: 'chains', enabled: signedIn });
  const admin = user?.roles.some((grant) => grant.role === 'ADMIN') ?? false;
  const committees = new Set(user?.roles.filter((grant) => grant.role === 'COMMITTEE').map((grant) => grant.orgId));
  const chainOptions = (chains.data ?? []).filter((chain) => admin || committees.has(chain.committeeOrgId));

  const query = { period, state, kind, chainId };
  const key = `org-life:compliance:${JSON.stringify(query)}`;
  const list = usePagedList(
    async (cursor) => {
      const answer = await getCompliance({ ...query, limit: 30, cursor });
      if (!cursor) setTotals({ key, totals: answer.totals });
      return answer.rows;
    },
    { key, enabled: signedIn },
  );
  const shown = totals?.key === key ? totals.totals : null;

  const handleExport = async () => {
    setBusy(true);
    try {
      await exportCompliance(query, `组织生活合规-${periodLabel(period)}`);
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };

  const handleBook = async (row: ComplianceRow) => {
    try {
      await downloadMeetingBook(row.orgId, row.orgName, Number(period.slice(0, 4)));
      void Taro.showToast({ title: '台账已下载', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    }
  };

  const figures: Array<{ name: string; label: string; value: number | undefined }> = [
    { name: 'orgs', label: '党支部', value: shown?.orgs },
    { name: 'overdue', label: '已逾期', value: shown?.overdue },
    { name: 'due', label: '本期待开', value: shown?.due },
    { name: 'done', label: '已完成', value: shown?.done },
  ];

  return (
    <PageShell className="compliance-page">
      <View className="compliance-page__header">
        <Text className="compliance-page__title">组织生活合规</Text>
        <Text className="compliance-page__subtitle">各党支部三会一课、主题党日等是否按期召开并归档</Text>
        <View className="compliance-page__units">
          {UNITS.map((item) => (
            <Text key={item.unit} className={`compliance-page__unit${item.unit === unit ? ' compliance-page__unit--active' : ''}`} onClick={() => setPeriod(currentPeriod(item.unit))}>
              {item.label}
            </Text>
          ))}
        </View>
        <View className="compliance-page__period">
          <Text className="compliance-page__step compliance-page__previous" onClick={() => setPeriod(previousPeriod(period))}>
            ‹ 上一期
          </Text>
          <Picker mode="selector" range={options.map(periodLabel)} value={Math.max(0, options.indexOf(period))} onChange={(event) => setPeriod(options[Number(event.detail.value)])}>
            <View className="compliance-page__current">
              <Text className="compliance-page__period-name">{periodLabel(period)}</Text>
              <Text className="compliance-page__caret">▾</Text>
            </View>
          </Picker>
          <Text
            className={`compliance-page__step compliance-page__next${period === running ? ' compliance-page__step--hidden' : ''}`}
            onClick={() => period !== running && setPeriod(nextPeriod(period))}
          >
            下一期 ›
          </Text>
        </View>
      </View>

      <View className="compliance-page__body">
        <View className="compliance-page__totals">
          {figures.map((figure) => (
            <View key={figure.name} className={`compliance-page__figure compliance-page__figure--${figure.name}`}>
              <Text className="compliance-page__figure-value">{figure.value ?? '—'}</Text>
              <Text className="compliance-page__figure-label">{figure.label}</Text>
            </View>
          ))}
        </View>
        <View className="compliance-page__toolbar">
          <Text className="compliance-page__note">{period === running ? '本期进行中：未归档的记为本期待开' : '该期已结束：未归档的记为已逾期'}</Text>
          <Button className="compliance-page__export" shape="round" type="primary" fill="outline" disabled={busy} onClick={() => void handleExport()}>
            {busy ? '导出中…' : '导出'}
          </Button>
        </View>
        <View className="compliance-page__filters">
          <FilterChips name="state" options={STATE_OPTIONS} value={state} onChange={setState} />
          <FilterChips name="kind" options={KIND_OPTIONS} value={kind} onChange={setKind} />
          {chainOptions.length > 1 ? <FilterChips name="chain" options={[{ value: undefined, label: '全部产业链' }, ...chainOptions.map((chain) => ({ value: chain.id, label: chain.name }))]} value={chainId} onChange={setChainId} /> : null}
        </View>
        <PagedList list={list} onRefresh={chains.reload} empty={<EmptyState icon="document" title="没有符合条件的记录" description="可切换期间或状态、会议类型再看看" />}>
          {(rows) => rows.map((row) => <ComplianceRowCard key={`${row.orgId}:${row.kind}`} row={row} onBook={() => void handleBook(row)} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
