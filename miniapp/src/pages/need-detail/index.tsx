import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ASSIGNMENT_STATUS_LABELS, NEED_STATUS_LABELS, type NeedDetail, type RateNeedRequest } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { StatusTag } from '@/components/status-tag';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getNeed, rateNeed, reopenNeed } from '@/features/need/api';
import { AssignmentList } from '@/features/need/components/assignment-list';
import { NeedOverview } from '@/features/need/components/need-overview';
import { NeedTimeline } from '@/features/need/components/need-timeline';
import { RatePanel } from '@/features/need/components/rate-panel';
import { RatingStars } from '@/features/need/components/rating-stars';
import { NEED_STATUS_TONES, overallLabel } from '@/features/need/format';
import { ROUTES, withQuery } from '@/services/routes';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

/** What the status means for the person reading, in one line. */
function statusHint(need: NeedDetail): string {
  switch (need.status) {
    case 'SUBMITTED':
      return '已提交产业链党委，等待派单';
    case 'DISPATCHED':
      return '已派给承办部门，等待部门接单';
    case 'IN_PROGRESS':
      return '承办部门正在办理';
    case 'RESOLVED':
      return '承办部门已办结，请确认并评价';
    case 'CLOSED':
      return '已办结并评价，感谢反馈';
    case 'MERGED':
      return '与另一条相同的需求合并办理';
  }
}

export default function NeedDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const justRaised = params.raised === '1';
  const signedIn = useRequireSession();
  const detail = useQuery(() => getNeed(id), { key: `need:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });
  // The answer to rating or reopening is the need as it now stands, until the next reload.
  const [updated, setUpdated] = useState<NeedDetail | null>(null);
  const [reopening, setReopening] = useState(false);
  usePullToRefresh(() => {
    setUpdated(null);
    return detail.reload();
  });

  const handleRate = async (body: RateNeedRequest) => {
    setUpdated(await rateNeed(id, body));
    void Taro.showToast({ title: '感谢评价', icon: 'none' });
  };
  const handleReopen = async (note: string) => {
    setUpdated(await reopenNeed(id, note));
    void Taro.showToast({ title: '已重新提出，等待党委派单', icon: 'none' });
  };

  const renderNeed = (need: NeedDetail) => (
    <>
      <View className="need-detail-page__header">
        {justRaised && need.status === 'SUBMITTED' ? <Text className="need-detail-page__raised">✓ 需求已提交</Text> : null}
        <View className="need-detail-page__tags">
          <StatusTag className="need-detail-page__status" text={NEED_STATUS_LABELS[need.status]} tone={NEED_STATUS_TONES[need.status]} />
          {need.overdue ? <StatusTag text="已超期" tone="danger" /> : null}
        </View>
        <Text className="need-detail-page__title">{need.title}</Text>
        <Text className="need-detail-page__hint">{statusHint(need)}</Text>
      </View>

      <View className="need-detail-page__body">
        {need.assignments
          .filter((a) => a.canAccept || a.canReturn || a.canProgress || a.canResolve)
          .map((a) => (
            <View key={a.id} className="need-detail-page__card need-detail-page__handle" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.needHandle, { id: need.id }) })}>
              <Text className="need-detail-page__section">
                本部门：{ASSIGNMENT_STATUS_LABELS[a.status]} · 整体：{overallLabel(need.status)}
              </Text>
              <Text className="need-detail-page__handle-go">去办理（接单、记录进展、办结、退回）›</Text>
            </View>
          ))}
        <NeedOverview need={need} />


        {need.canRate ? (
          <View className="need-detail-page__card need-detail-page__rate">
            <RatePanel onRate={handleRate} onReopen={need.canReopen ? () => setReopening(true) : undefined} />
          </View>
        ) : null}

        {need.rating !== null ? (
          <View className="need-detail-page__card need-detail-page__rated">
            <Text className="need-detail-page__section">评价</Text>
            <RatingStars value={need.rating} />
            {need.ratingComment ? <Text className="need-detail-page__rating-comment">{need.ratingComment}</Text> : null}
          </View>
        ) : null}

        <View className="need-detail-page__card">
          <Text className="need-detail-page__section">承办部门</Text>
          <AssignmentList assignments={need.assignments} />
        </View>

        <View className="need-detail-page__card need-detail-page__timeline">
          <Text className="need-detail-page__section">办理进度</Text>
          <NeedTimeline events={need.timeline} />
        </View>
      </View>
    </>
  );

  return (
    <PageShell className="need-detail-page">
      <QueryView query={{ ...detail, data: updated ?? detail.data }} stateClassName="need-detail-page__state">
        {renderNeed}
      </QueryView>

      <ReasonDialog
        visible={reopening}
        title="重新提出"
        placeholder="请说明哪里还没有解决，党委会重新派单"
        required
        maxLength={1000}
        confirmText="重新提出"
        onConfirm={handleReopen}
        onClose={() => setReopening(false)}
      />
    </PageShell>
  );
}
