import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ASSIGNMENT_STATUS_LABELS, NEED_STATUS_LABELS, type NeedAssignmentResponse, type NeedDetail, type RateNeedRequest } from '@torch-red/shared';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { acceptAssignment, getNeed, HANDLING_STEPS, rateNeed, reopenNeed, takeHandlingStep, type HandlingStep } from '../api';
import { NEED_STATUS_TONES, overallLabel } from '../format';
import { AssignmentActions, canHandle } from './assignment-actions';
import { AssignmentList } from './assignment-list';
import { NeedOverview } from './need-overview';
import { NeedTimeline } from './need-timeline';
import { RatePanel } from './rate-panel';
import { RatingStars } from './rating-stars';
import './need-detail-body.scss';

/** The raiser's 重新提出, worded like the department's steps. */
const REOPEN = { title: '重新提出', placeholder: '请说明哪里还没有解决，党委会重新派单', confirmText: '重新提出', toast: '已重新提出，等待党委派单', maxLength: 1000 };

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

/**
 * A need as its reader may act on it — 需求详情 and 部门办理 render this inside `<PageShell className="need-detail-page">`:
 * the handling department's own assignment first (one status line, 接单 / 记录进展 / 办结 / 退回 as the server's can*
 * flags allow), then the need and its answer, the raiser's rating, the departments and the timeline.
 */
export function NeedDetailBody({ id, justRaised = false }: { id: string; justRaised?: boolean }) {
  const signedIn = useRequireSession();
  const detail = useQuery(() => getNeed(id), { key: `need:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });
  // The answer to any step is the need as it now stands, until the next reload.
  const [updated, setUpdated] = useState<NeedDetail | null>(null);
  // A step that asks for words: the raiser's 重新提出, or a department's 退回 / 记录进展 / 办结 on its assignment.
  const [step, setStep] = useState<{ kind: 'reopen' } | { kind: HandlingStep; assignmentId: string } | null>(null);
  const [accepting, setAccepting] = useState<string | null>(null);
  usePullToRefresh(() => {
    setUpdated(null);
    return detail.reload();
  });

  const dialog = step === null || step.kind === 'reopen' ? REOPEN : HANDLING_STEPS[step.kind];
  const handleRate = async (body: RateNeedRequest) => {
    setUpdated(await rateNeed(id, body));
    void Taro.showToast({ title: '感谢评价', icon: 'none' });
  };
  const handleStep = async (text: string) => {
    if (!step) return;
    setUpdated(step.kind === 'reopen' ? await reopenNeed(id, text) : await takeHandlingStep(step.kind, id, step.assignmentId, text));
    void Taro.showToast({ title: dialog.toast, icon: 'none' });
  };
  const handleAccept = async (assignmentId: string) => {
    setAccepting(assignmentId);
    try {
      setUpdated(await acceptAssignment(id, assignmentId));
      void Taro.showToast({ title: '已接单，请在时限内办结', icon: 'none' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setAccepting(null);
    }
  };

  const renderHandling = (need: NeedDetail, a: NeedAssignmentResponse) => (
    <View key={a.id} className="need-detail-page__card need-detail-page__handling" data-assignment={a.id}>
      <Text className="need-detail-page__section">
        本部门：{ASSIGNMENT_STATUS_LABELS[a.status]} · 整体：{overallLabel(need.status)}
      </Text>
      <Text className="need-detail-page__who">
        {a.departmentName} · 时限 {formatDateTime(a.deadline)}
        {a.overdue ? ' · 已超期' : ''}
      </Text>
      <View className="need-detail-page__handling-actions">
        <AssignmentActions
          assignment={a}
          busy={accepting === a.id}
          onAccept={() => void handleAccept(a.id)}
          onStep={(kind) => setStep({ kind, assignmentId: a.id })}
        />
      </View>
    </View>
  );

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
        {need.assignments.filter(canHandle).map((a) => renderHandling(need, a))}
        <NeedOverview need={need} />

        {need.canRate ? (
          <View className="need-detail-page__card need-detail-page__rate">
            <RatePanel onRate={handleRate} onReopen={need.canReopen ? () => setStep({ kind: 'reopen' }) : undefined} />
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
    <>
      <QueryView query={{ ...detail, data: updated ?? detail.data }} stateClassName="need-detail-page__state">
        {renderNeed}
      </QueryView>

      <ReasonDialog visible={step !== null} {...dialog} required onConfirm={handleStep} onClose={() => setStep(null)} />
    </>
  );
}
