import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { TalkRegisterRequest, TalkRegistrationResponse } from '@torch-red/shared';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { describeRegistration, isActiveRegistration } from '@/features/activity/format';
import { formatTimeRange } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useChains } from '@/features/org/hooks/use-chains';
import { useMe } from '@/features/profile/hooks/use-me';
import { getTalk, registerForTalk } from '@/features/talk/api';
import { AppealCard } from '@/features/talk/components/appeal-card';
import type { EnterpriseChoice } from '@/features/talk/components/enterprise-picker';
import { TalkRegisterForm } from '@/features/talk/components/talk-register-form';
import { seatsLeft } from '@/features/talk/format';
import { useQuery } from '@/hooks/use-query';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** What the person sees once the registration is in: admins confirm seats, so usually 待审核. */
function outcomeTitle(result: TalkRegistrationResponse): string {
  const { registration } = result;
  return registration.status === 'PENDING' ? '报名已提交，等待审核' : describeRegistration(registration);
}

export default function TalkRegisterPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const detail = useQuery(() => getTalk(id), signedIn && id !== '');
  const chains = useChains(signedIn);
  const me = useMe(signedIn);
  const [result, setResult] = useState<TalkRegistrationResponse | null>(null);

  const handleSubmit = async (body: TalkRegisterRequest) => {
    const answer = await registerForTalk(id, body);
    setResult(answer);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  if (detail.error || chains.error) {
    const error = detail.error ?? chains.error;
    return (
      <PageShell className="talk-register-page">
        <View className="talk-register-page__state">
          <ErrorState message={error?.message ?? ''} onRetry={() => void Promise.all([detail.reload(), chains.reload()])} />
        </View>
      </PageShell>
    );
  }
  if (!detail.data || !chains.data || me.loading) {
    return (
      <PageShell className="talk-register-page">
        <View className="talk-register-page__state">
          <LoadingState cards={3} />
        </View>
      </PageShell>
    );
  }

  const talk = detail.data;
  const mine = talk.activity.myRegistration;
  const done: TalkRegistrationResponse | null = result ?? (mine && isActiveRegistration(mine.status) && talk.myAppeal ? { registration: mine, appeal: talk.myAppeal } : null);
  const profile = me.data;
  const initialEnterprise: EnterpriseChoice | null =
    profile?.enterpriseId && profile.enterpriseName ? { kind: 'listed', id: profile.enterpriseId, name: profile.enterpriseName } : null;

  return (
    <PageShell className="talk-register-page">
      <View className="talk-register-page__header">
        <Text className="talk-register-page__series">企业家月月谈</Text>
        <Text className="talk-register-page__theme">{talk.theme}</Text>
        <Text className="talk-register-page__meta">{formatTimeRange(talk.activity.startAt, talk.activity.endAt)}</Text>
        <Text className="talk-register-page__meta">
          {talk.activity.location} · {seatsLeft(talk.activity)}
        </Text>
      </View>
      <View className="talk-register-page__body">
        {done ? (
          <View className="talk-register-page__done">
            <View className="talk-register-page__done-mark">
              <Text className="talk-register-page__done-check">✓</Text>
            </View>
            <Text className="talk-register-page__done-title">{outcomeTitle(done)}</Text>
            <Text className="talk-register-page__done-note">
              {done.registration.status === 'WAITLISTED' ? '席位已满，有人取消时按顺序递补，递补成功会通知你' : '组织方确认席位后会通知你；会后答复将显示在「我的诉求」'}
            </Text>
            <View className="talk-register-page__done-appeal">
              <AppealCard appeal={done.appeal} />
            </View>
            <View className="talk-register-page__done-actions">
              <Button className="talk-register-page__appeals" type="primary" shape="round" block onClick={() => void Taro.redirectTo({ url: ROUTES.myAppeals })}>
                查看我的诉求
              </Button>
              <Button className="talk-register-page__back" shape="round" block fill="outline" type="primary" onClick={() => void Taro.navigateBack()}>
                返回本期详情
              </Button>
            </View>
          </View>
        ) : (
          <>
            <Text className="talk-register-page__intro">填写企业和诉求，承办部门会提前准备，在会上当面答复或建立台账跟进。</Text>
            <TalkRegisterForm chains={chains.data} initialEnterprise={initialEnterprise} onSubmit={handleSubmit} />
          </>
        )}
      </View>
    </PageShell>
  );
}
