import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardFigures, DashboardResponse } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getDashboard } from '@/features/need/workspace-api';
import { ChainBars } from '@/features/need/components/chain-bars';
import { FilterChips } from '@/features/need/components/filter-chips';
import { formatHours } from '@/features/need/workspace-format';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

type CountKey = Exclude<keyof DashboardFigures, 'avgHandlingHours' | 'satisfaction'>;

const CARDS: Array<{ key: CountKey; label: string; unit: string }> = [
  { key: 'orgs', label: '链上党组织', unit: '个' },
  { key: 'enterprisesCovered', label: '覆盖企业', unit: '家' },
  { key: 'partyMembers', label: '党员', unit: '名' },
  { key: 'leaderEnterprises', label: '链主企业', unit: '家' },
  { key: 'coreEnterprises', label: '核心企业', unit: '家' },
  { key: 'memberEnterprises', label: '成员企业', unit: '家' },
  { key: 'activitiesHeld', label: '开展活动', unit: '场' },
  { key: 'attendance', label: '参加活动', unit: '人次' },
  { key: 'studyParticipants', label: '参与学习', unit: '人' },
  { key: 'visits', label: '指导员走访', unit: '次' },
  { key: 'needsRaised', label: '企业吹哨', unit: '件' },
  { key: 'needsResolved', label: '办结需求', unit: '件' },
];

const BAR_OPTIONS: Array<{ value: CountKey; label: string }> = [
  { value: 'needsRaised', label: '企业吹哨' },
  { value: 'needsResolved', label: '办结' },
  { value: 'needsOverdue', label: '超期' },
  { value: 'enterprisesCovered', label: '覆盖企业' },
  { value: 'partyMembers', label: '党员' },
  { value: 'activitiesHeld', label: '活动' },
  { value: 'visits', label: '走访' },
];

export default function NeedsDashboardPage() {
  const signedIn = useRequireSession();
  const dashboard = useQuery(getDashboard, { key: 'dashboard', enabled: signedIn });
  const [metric, setMetric] = useState<CountKey | undefined>('needsRaised');
  usePullToRefresh(dashboard.reload);

  const renderDashboard = (data: DashboardResponse) => {
    const { total } = data;
    const shown = metric ?? 'needsRaised';
    const resolvedRate = total.needsRaised > 0 ? Math.round((total.needsResolved / total.needsRaised) * 100) : 0;
    return (
      <>
        <View className="needs-dashboard-page__highlight">
          <View className="needs-dashboard-page__highlight-item">
            <Text className="needs-dashboard-page__highlight-value">{resolvedRate}%</Text>
            <Text className="needs-dashboard-page__highlight-label">办结率</Text>
          </View>
          <View className="needs-dashboard-page__highlight-item">
            <Text className="needs-dashboard-page__highlight-value">{formatHours(total.avgHandlingHours)}</Text>
            <Text className="needs-dashboard-page__highlight-label">平均办理用时</Text>
          </View>
          <View className="needs-dashboard-page__highlight-item">
            <Text className="needs-dashboard-page__highlight-value">{total.satisfaction === null ? '—' : `${total.satisfaction.toFixed(1)} 星`}</Text>
            <Text className="needs-dashboard-page__highlight-label">满意度（{total.ratedCount} 条评价）</Text>
          </View>
          <View className="needs-dashboard-page__highlight-item needs-dashboard-page__highlight-item--alert">
            <Text className="needs-dashboard-page__highlight-value">{total.needsOverdue}</Text>
            <Text className="needs-dashboard-page__highlight-label">超期未办结</Text>
          </View>
        </View>
        <View className="needs-dashboard-page__cards">
          {CARDS.map((card) => (
            <View key={card.key} className={`needs-dashboard-page__card needs-dashboard-page__card--${card.key}`}>
              <Text className="needs-dashboard-page__card-value">
                {total[card.key]}
                <Text className="needs-dashboard-page__card-unit">{card.unit}</Text>
              </Text>
              <Text className="needs-dashboard-page__card-label">{card.label}</Text>
            </View>
          ))}
        </View>
        <View className="needs-dashboard-page__chart">
          <Text className="needs-dashboard-page__section">各产业链对比</Text>
          <FilterChips name="metric" options={BAR_OPTIONS} value={metric} onChange={(value) => setMetric(value ?? 'needsRaised')} />
          <ChainBars bars={data.chains.map((chain) => ({ key: chain.chainId, label: chain.chainName, value: chain.figures[shown] }))} />
        </View>
        <Text className="needs-dashboard-page__footnote">数据按库中记录实时统计 · {formatDateTime(data.generatedAt)} 更新</Text>
      </>
    );
  };

  return (
    <PageShell className="needs-dashboard-page">
      <View className="needs-dashboard-page__header">
        <Text className="needs-dashboard-page__title">数据看板</Text>
        <Text className="needs-dashboard-page__subtitle">产业链党建 · 企业吹哨部门报到 · 实时统计</Text>
      </View>
      <View className="needs-dashboard-page__body">
        <QueryView query={dashboard}>{renderDashboard}</QueryView>
      </View>
    </PageShell>
  );
}
