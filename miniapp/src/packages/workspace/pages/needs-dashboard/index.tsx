import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardResponse } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getDashboard } from '@/features/need/workspace-api';
import { ChainBars } from '@/features/need/components/chain-bars';
import { DASHBOARD_FIGURES, type DashboardCount } from '@/features/need/dashboard-figures';
import { FilterChips } from '@/features/need/components/filter-chips';
import { formatHours } from '@/features/need/workspace-format';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

type CountKey = DashboardCount;

/** The figures in groups; each card shows its definition (ⓘ) from the shared DASHBOARD_FIGURES. */
const GROUPS: Array<{ title: string; keys: CountKey[] }> = [
  { title: '组织与企业', keys: ['chainEnterprises', 'enterprisesCovered', 'orgs', 'partyMembers', 'leaderEnterprises', 'coreEnterprises', 'memberEnterprises'] },
  { title: '活动与学习', keys: ['activitiesPublished', 'activitiesHeld', 'registrations', 'attendance', 'studyParticipants'] },
  { title: '吹哨与走访', keys: ['needsRaised', 'needsResolved', 'visits'] },
];

const BAR_KEYS: CountKey[] = ['needsRaised', 'needsResolved', 'needsOverdue', 'enterprisesCovered', 'partyMembers', 'activitiesHeld', 'visits'];
const BAR_OPTIONS = BAR_KEYS.map((value) => ({ value, label: DASHBOARD_FIGURES[value].label }));

export default function NeedsDashboardPage() {
  const signedIn = useRequireSession();
  const dashboard = useQuery(getDashboard, { key: 'dashboard', enabled: signedIn });
  const [metric, setMetric] = useState<CountKey | undefined>('needsRaised');
  usePullToRefresh(dashboard.reload);

  const renderDashboard = (data: DashboardResponse) => {
    const { total } = data;
    const shown = metric ?? 'needsRaised';
    // A comparison needs two chains at least: a committee of one chain gets no one-bar chart.
    const comparable = data.chains.length > 1;
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
        <Text className="needs-dashboard-page__hint">ⓘ 办结率 = 办结需求 ÷ 企业吹哨；平均办理用时从企业提出算到办结；满意度为企业评价的平均星级</Text>
        {GROUPS.map((group) => (
          <View key={group.title} className="needs-dashboard-page__group">
            <Text className="needs-dashboard-page__section">{group.title}</Text>
            <View className="needs-dashboard-page__cards">
              {group.keys.map((key) => {
                const figure = DASHBOARD_FIGURES[key];
                return (
                  <View key={key} className={`needs-dashboard-page__card needs-dashboard-page__card--${key}`}>
                    <Text className="needs-dashboard-page__card-value">
                      {total[key]}
                      <Text className="needs-dashboard-page__card-unit">{figure.unit}</Text>
                    </Text>
                    <Text className="needs-dashboard-page__card-label">{figure.label}</Text>
                    <Text className="needs-dashboard-page__card-hint">ⓘ {figure.hint}</Text>
                  </View>
                );
              })}
            </View>
          </View>
        ))}
        {comparable ? (
          <View className="needs-dashboard-page__chart">
            <Text className="needs-dashboard-page__section">各产业链对比</Text>
            <FilterChips name="metric" options={BAR_OPTIONS} value={metric} onChange={(value) => setMetric(value ?? 'needsRaised')} />
            <ChainBars bars={data.chains.map((chain) => ({ key: chain.chainId, label: chain.chainName, value: chain.figures[shown] }))} />
            <Text className="needs-dashboard-page__card-hint">ⓘ {DASHBOARD_FIGURES[shown].hint}</Text>
          </View>
        ) : null}
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
