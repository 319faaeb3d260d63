import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, NEED_STATUSES, NEED_STATUS_LABELS, type DispatchNeedRequest, type NeedCategory, type NeedStatus, type NeedSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { answerNeed, dispatchNeed, exportLedger, listDepartments, listLedger } from '@/features/need/workspace-api';
import { DispatchDialog } from '@/features/need/components/dispatch-dialog';
import { FilterChips } from '@/features/need/components/filter-chips';
import { getTodo } from '@/features/todo/api';
import { NeedCard } from '@/features/need/components/need-card';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

const STATUS_OPTIONS = [{ value: undefined, label: '全部状态' }, ...NEED_STATUSES.map((value) => ({ value, label: NEED_STATUS_LABELS[value] }))];
const CATEGORY_OPTIONS = [{ value: undefined, label: '全部类别' }, ...NEED_CATEGORIES.map((value) => ({ value, label: NEED_CATEGORY_LABELS[value] }))];
const OVERDUE_OPTIONS = [
  { value: undefined, label: '不限时限' },
  { value: 'overdue' as const, label: '仅看超期' },
];

export default function NeedsLedgerPage() {
  const signedIn = useRequireSession();
  // 首页's 待办 opens the ledger already filtered (?status=SUBMITTED for 待派单, ?overdue=1 for 超期).
  const { params } = useRouter();
  const [status, setStatus] = useState<NeedStatus | undefined>(() => NEED_STATUSES.find((s) => s === params.status));
  const [category, setCategory] = useState<NeedCategory | undefined>();
  const [overdue, setOverdue] = useState<'overdue' | undefined>(params.overdue === '1' ? 'overdue' : undefined);
  const query = { status, category, overdue: overdue ? true : undefined };
  // A changed filter is another request; back on the page (from a need's detail) the ledger reloads.
  const ledger = usePagedList((cursor) => listLedger({ ...query, limit: 20, cursor }), { key: `committee:needs:${JSON.stringify(query)}`, enabled: signedIn, refreshOnShow: true });
  const departments = useQuery(listDepartments, { key: 'departments', enabled: signedIn });
  // The header counts the whole ledger (the same counts as 首页's 待办), whatever the filter shows below.
  const todo = useQuery(getTodo, { key: 'me:todo', enabled: signedIn, refreshOnShow: true });
  const countOf = (kind: 'NEEDS_TO_DISPATCH' | 'NEEDS_OVERDUE') => todo.data?.items.find((item) => item.kind === kind)?.count;
  const reloadAll = () => Promise.all([ledger.reload(), todo.reload()]);
  const [dispatching, setDispatching] = useState<NeedSummary | null>(null);
  const [answering, setAnswering] = useState<NeedSummary | null>(null);

  const handleDispatch = async (body: DispatchNeedRequest) => {
    if (!dispatching) return;
    await dispatchNeed(dispatching.id, body);
    void Taro.showToast({ title: '已派单，承办部门会收到通知', icon: 'none' });
    await reloadAll();
  };
  const [exporting, setExporting] = useState(false);
  const handleExport = async () => {
    setExporting(true);
    try {
      await exportLedger(query);
      void Taro.showToast({ title: '台账已导出', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setExporting(false);
    }
  };
  const handleAnswer = async (answer: string) => {
    if (!answering) return;
    await answerNeed(answering.id, answer);
    void Taro.showToast({ title: '已答复，等待企业评价', icon: 'none' });
    await reloadAll();
  };

  const renderNeeds = (needs: NeedSummary[]) =>
    needs.map((need) => (
      <NeedCard
        key={need.id}
        need={need}
        showEnterprise
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.needDetail, { id: need.id }) })}
        actions={
          need.canAnswer || need.canDispatch ? (
            <>
              {need.canAnswer ? (
                <Button className="needs-ledger-page__answer" size="small" shape="round" fill="outline" type="primary" onClick={() => setAnswering(need)}>
                  直接答复
                </Button>
              ) : null}
              {need.canDispatch ? (
                <Button className="needs-ledger-page__dispatch" size="small" shape="round" type="primary" disabled={!departments.data} onClick={() => setDispatching(need)}>
                  {need.status === 'SUBMITTED' ? '派单' : '加派部门'}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
    ));

  const toDispatch = countOf('NEEDS_TO_DISPATCH');
  const late = countOf('NEEDS_OVERDUE');
  const filtered = status !== undefined || category !== undefined || overdue !== undefined;
  // The list's own count, over the pages loaded so far; 「以上」 says there are more to scroll to.
  const shown = `${ledger.items.length} 条${ledger.hasMore ? '以上' : ''}`;

  return (
    <PageShell className="needs-ledger-page">
      <View className="needs-ledger-page__header">
        <Text className="needs-ledger-page__title">需求台账</Text>
        <Text className="needs-ledger-page__subtitle">
          {toDispatch !== undefined && late !== undefined ? `全部台账：${toDispatch} 条待派单 · ${late} 条超期` : '企业吹哨 → 党委派单 → 部门报到'}
        </Text>
        <Button className="needs-ledger-page__export" size="small" shape="round" fill="outline" disabled={exporting} onClick={() => void handleExport()}>
          {exporting ? '导出中…' : '导出台账'}
        </Button>
      </View>
      <View className="needs-ledger-page__filters">
        <FilterChips name="status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <FilterChips name="category" options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
        <FilterChips name="overdue" options={OVERDUE_OPTIONS} value={overdue} onChange={setOverdue} />
      </View>
      <View className="needs-ledger-page__list">
        {ledger.items.length > 0 ? <Text className="needs-ledger-page__shown">{filtered ? `符合筛选条件 ${shown}` : `共 ${shown}`}</Text> : null}
        <PagedList list={ledger} onRefresh={todo.reload} empty={<EmptyState icon="need" title="没有符合条件的需求" description="换个筛选条件看看，企业吹哨后会出现在这里" />}>
          {renderNeeds}
        </PagedList>
      </View>
      <DispatchDialog
        need={dispatching}
        departments={departments.data ?? []}
        onConfirm={handleDispatch}
        onClose={() => setDispatching(null)}
      />
      <ReasonDialog
        visible={answering !== null}
        title="直接答复"
        placeholder="政策咨询等无需部门办理的，可由党委直接答复企业"
        required
        maxLength={2000}
        confirmText="答复"
        onConfirm={handleAnswer}
        onClose={() => setAnswering(null)}
      />
    </PageShell>
  );
}
