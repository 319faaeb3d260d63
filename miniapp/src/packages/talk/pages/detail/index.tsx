import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACTIVITY_PHASE_LABELS, isRegistrationActive, type TalkDetail } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { cancelMyRegistration } from '@/features/activity/api';
import { MyStatusBanner } from '@/features/activity/components/my-status-banner';
import { formatDateTime } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { getTalk } from '@/features/talk/api';
import { AppealCard } from '@/features/talk/components/appeal-card';
import { TalkOverview } from '@/features/talk/components/talk-overview';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function TalkDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const isAdmin = useSession().user?.roles.some((grant) => grant.role === 'ADMIN') ?? false;
  // Reloaded on show: back from the registration form, show the new status and appeal.
  const detail = useQuery(() => getTalk(id), { key: `talk:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });
  const [cancelling, setCancelling] = useState(false);
  usePullToRefresh(detail.reload);

  const handleCancel = async (activityId: string) => {
    const { confirm } = await Taro.showModal({ title: '取消报名', content: '取消后席位将让给其他企业家，你的诉求仍会保留。确定取消吗？', confirmText: '取消报名', cancelText: '再想想', confirmColor: '#c8102e' });
    if (!confirm) {
      return;
    }
    setCancelling(true);
    try {
      await cancelMyRegistration(activityId);
      void Taro.showToast({ title: '已取消报名', icon: 'none' });
      await detail.reload();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setCancelling(false);
    }
  };

  const renderTalk = (talk: TalkDetail) => {
    const { activity } = talk;
    const mine = activity.myRegistration;
    const registered = mine !== null && isRegistrationActive(mine.status);

    let action;
    if (activity.status === 'CANCELLED') {
      action = null;
    } else if (registered) {
      action = mine?.canCancel ? (
        <Button className="talk-detail-page__cancel" shape="round" size="large" block fill="outline" type="primary" loading={cancelling} onClick={() => void handleCancel(activity.id)}>
          取消报名
        </Button>
      ) : null;
    } else if (activity.phase === 'SIGNUP_OPEN') {
      action = (
        <Button className="talk-detail-page__register" type="primary" shape="round" size="large" block onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.talkRegister, { id }) })}>
          {mine ? '重新报名' : '我要报名 · 提出诉求'}
        </Button>
      );
    } else if (activity.phase) {
      action = (
        <Button shape="round" size="large" block disabled>
          {ACTIVITY_PHASE_LABELS[activity.phase]}
        </Button>
      );
    }

    return (
      <>
        <TalkOverview talk={talk} afterFacts={<MyStatusBanner activity={activity} />} />

        {talk.myAppeal ? (
          <View className="talk-detail-page__section">
            <Text className="talk-detail-page__heading">我的诉求</Text>
            <AppealCard appeal={talk.myAppeal} />
          </View>
        ) : null}

        {isAdmin ? (
          <View className="talk-detail-page__admin" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.talkAppeals, { talkId: talk.id }) })}>
            <Text>本期诉求答复、转为需求 ›</Text>
          </View>
        ) : null}

        {talk.minutes ? (
          <View className="talk-detail-page__minutes">
            <Text className="talk-detail-page__heading">会议纪要</Text>
            {talk.minutesPublishedAt ? <Text className="talk-detail-page__minutes-date">{formatDateTime(talk.minutesPublishedAt)} 发布</Text> : null}
            <Text className="talk-detail-page__minutes-text">{talk.minutes}</Text>
          </View>
        ) : null}

        {action ? <View className="talk-detail-page__action">{action}</View> : null}
      </>
    );
  };

  return (
    <PageShell className="talk-detail-page">
      <QueryView query={detail} stateClassName="talk-detail-page__state">
        {renderTalk}
      </QueryView>
    </PageShell>
  );
}
