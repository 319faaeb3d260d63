import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { InstructorEnterpriseItem, LogVisitRequest } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listInstructorEnterprises, logVisit } from '@/features/need/workspace-api';
import { VisitForm } from '@/features/need/components/visit-form';
import { VisitHistory } from '@/features/need/components/visit-history';
import { formatDay } from '@/features/need/workspace-format';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

export default function NeedsVisitsPage() {
  const signedIn = useRequireSession();
  const enterprises = useQuery(listInstructorEnterprises, { key: 'instructor:enterprises', enabled: signedIn });
  const [open, setOpen] = useState<InstructorEnterpriseItem | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  usePullToRefresh(enterprises.reload);

  const handleLog = async (body: LogVisitRequest) => {
    const visit = await logVisit(body);
    const raised = visit.problems.filter((problem) => problem.needId !== null).length;
    void Taro.showToast({ title: raised > 0 ? `已记录，${raised} 个问题转入需求台账` : '走访已记录', icon: 'none' });
    setOpen(null);
    await enterprises.reload();
  };

  const renderEnterprises = (items: InstructorEnterpriseItem[]) =>
    items.map((item) =>
      open?.enterpriseId === item.enterpriseId ? (
        <VisitForm key={item.enterpriseId} enterpriseId={item.enterpriseId} enterpriseName={item.enterpriseName} onSubmit={handleLog} onCancel={() => setOpen(null)} />
      ) : (
        <View key={item.enterpriseId} className="needs-visits-page__block">
          <View className="needs-visits-page__enterprise" onClick={() => setOpen(item)}>
            <View className="needs-visits-page__text">
              <Text className="needs-visits-page__name">{item.enterpriseName}</Text>
              <Text className="needs-visits-page__meta">
                {item.chainName ?? '未入链'} · {item.lastVisitedOn ? `上次走访 ${formatDay(item.lastVisitedOn)}` : '尚未走访'} · 共 {item.visitCount} 次
              </Text>
            </View>
            <Text className="needs-visits-page__go">记录走访</Text>
          </View>
          {item.visitCount > 0 ? (
            <Text className="needs-visits-page__history" onClick={() => setHistory(history === item.enterpriseId ? null : item.enterpriseId)}>
              {history === item.enterpriseId ? '收起走访记录' : `查看 ${item.visitCount} 次走访记录 ›`}
            </Text>
          ) : null}
          {history === item.enterpriseId ? <VisitHistory enterpriseId={item.enterpriseId} /> : null}
        </View>
      ),
    );

  return (
    <PageShell className="needs-visits-page">
      <View className="needs-visits-page__header">
        <Text className="needs-visits-page__title">走访企业</Text>
        <Text className="needs-visits-page__subtitle">党建指导员联系企业 · 发现的问题可一键转为企业需求</Text>
      </View>
      <View className="needs-visits-page__list">
        <QueryView query={enterprises} empty={<EmptyState icon="visit" title="还没有分配联系企业" description="管理员为你分配联系企业后会出现在这里" />}>
          {renderEnterprises}
        </QueryView>
      </View>
    </PageShell>
  );
}
