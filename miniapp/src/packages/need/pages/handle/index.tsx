import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ASSIGNMENT_STATUS_LABELS, NEED_STATUS_LABELS, type NeedAssignmentResponse, type NeedDetail, type RateNeedRequest } from '@torch-red/shared';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getNeed, rateNeed, reopenNeed } from '@/features/need/api';
import { acceptAssignment, noteProgress, resolveAssignment, returnAssignment } from '@/features/need/workspace-api';
import { AssignmentList } from '@/features/need/components/assignment-list';
import { NeedOverview } from '@/features/need/components/need-overview';
import { NeedTimeline } from '@/features/need/components/need-timeline';
import { RatePanel } from '@/features/need/components/rate-panel';
import { RatingStars } from '@/features/need/components/rating-stars';
import { NEED_STATUS_TONES, overallLabel } from '@/features/need/format';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

type Step = 'reopen' | 'return' | 'progress' | 'resolve';

/** The dialogs of the raiser's 重新提出 and the handling department's steps (the same as on 部门报到). */
const STEPS: Record<Step, { title: string; placeholder: string; confirm: string; toast: string }> = {
  reopen: { title: '重新提出', placeholder: '请说明哪里还没有解决，党委会重新派单', confirm: '重新提出', toast: '已重新提出，等待党委派单' },
  return: { title: '退回党委', placeholder: '请说明退回原因（如不属于本部门职责），党委会重新派单', confirm: '退回', toast: '已退回，党委会重新派单' },
  progress: { title: '记录进展', placeholder: '目前办到哪一步了，企业会在办理进度里看到', confirm: '记录', toast: '进展已记录' },
  resolve: { title: '办结', placeholder: '办理结果与答复，企业确认后评价', confirm: '办结', toast: '已办结，待企业评价' },
};

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
 * 部门办理: the need as the handling department works it — its own assignment first (one status line, 接单 / 记录进展 /
 * 办结 / 退回 as the server's can* flags allow), then the need, the departments and the timeline. A subpackage page
 * (the main package has no room for the handler's actions); 需求详情 and 部门报到 link here.
 */
export default function NeedHandlePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const justRaised = params.raised === '1';
  const signedIn = useRequireSession();
  const detail = useQuery(() => getNeed(id), { key: `need:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });
  // The answer to rating or reopening is the need as it now stands, until the next reload.
  const [updated, setUpdated] = useState<NeedDetail | null>(null);
  // A step that asks for words: the raiser's 重新提出, or a department's 退回 / 记录进展 / 办结 on its assignment.
  const [step, setStep] = useState<{ kind: Step; assignmentId?: string } | null>(null);
  usePullToRefresh(() => {
    setUpdated(null);
    return detail.reload();
  });

  const handleRate = async (body: RateNeedRequest) => {
    setUpdated(await rateNeed(id, body));
    void Taro.showToast({ title: '感谢评价', icon: 'none' });
  };
  const handleStep = async (text: string) => {
    if (!step) return;
    const a = step.assignmentId ?? '';
    const next =
      step.kind === 'reopen' ? await reopenNeed(id, text) : step.kind === 'return' ? await returnAssignment(id, a, text) : step.kind === 'progress' ? await noteProgress(id, a, text) : await resolveAssignment(id, a, text);
    setUpdated(next);
    void Taro.showToast({ title: STEPS[step.kind].toast, icon: 'none' });
  };
  const handleAccept = async (assignmentId: string) => {
    try {
      setUpdated(await acceptAssignment(id, assignmentId));
      void Taro.showToast({ title: '已接单，请在时限内办结', icon: 'none' });
    } catch {
      // Toasted by the HTTP client.
    }
  };

  /** The handling department's own assignment: one status line and its actions (driven by the server's flags). */
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
        {a.canReturn ? (
          <Button className="need-detail-page__return" shape="round" fill="outline" onClick={() => setStep({ kind: 'return', assignmentId: a.id })}>
            退回
          </Button>
        ) : null}
        {a.canProgress ? (
          <Button className="need-detail-page__progress" shape="round" fill="outline" type="primary" onClick={() => setStep({ kind: 'progress', assignmentId: a.id })}>
            记录进展
          </Button>
        ) : null}
        {a.canAccept ? (
          <Button className="need-detail-page__accept" shape="round" type="primary" onClick={() => void handleAccept(a.id)}>
            接单
          </Button>
        ) : null}
        {a.canResolve ? (
          <Button className="need-detail-page__resolve" shape="round" type="primary" onClick={() => setStep({ kind: 'resolve', assignmentId: a.id })}>
            办结
          </Button>
        ) : null}
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
        {need.assignments.filter((a) => a.canAccept || a.canReturn || a.canProgress || a.canResolve).map((a) => renderHandling(need, a))}
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
    <PageShell className="need-detail-page">
      <QueryView query={{ ...detail, data: updated ?? detail.data }} stateClassName="need-detail-page__state">
        {renderNeed}
      </QueryView>

      <ReasonDialog
        visible={step !== null}
        title={STEPS[step?.kind ?? 'reopen'].title}
        placeholder={STEPS[step?.kind ?? 'reopen'].placeholder}
        required
        maxLength={step?.kind === 'resolve' ? 2000 : 1000}
        confirmText={STEPS[step?.kind ?? 'reopen'].confirm}
        onConfirm={handleStep}
        onClose={() => setStep(null)}
      />
    </PageShell>
  );
}
