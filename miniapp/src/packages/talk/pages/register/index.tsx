import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { isRegistrationActive, type ChainResponse, type MeResponse, type TalkDetail, type TalkRegisterRequest, type TalkRegistrationResponse } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { describeRegistration } from '@/features/activity/format';
import { formatTimeRange } from '@/lib/datetime';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useChains } from '@/features/org/hooks/use-chains';
import { useMe } from '@/features/profile/hooks/use-me';
import { getTalk, registerForTalk } from '@/features/talk/api';
import { AppealCard } from '@/features/talk/components/appeal-card';
import type { EnterpriseChoice } from '@/features/talk/components/enterprise-picker';
import { TalkRegisterForm } from '@/features/talk/components/talk-register-form';
import { seatsLeft } from '@/features/talk/format';
import { combineQueries, useQuery } from '@/hooks/use-query';
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
  // Never cached: the form is built from it.
  const detail = useQuery(() => getTalk(id), { enabled: signedIn && id !== '' });
  const chains = useChains(signedIn);
  const me = useMe(signedIn);
  const [result, setResult] = useState<TalkRegistrationResponse | null>(null);

  const handleSubmit = async (body: TalkRegisterRequest) => {
    const answer = await registerForTalk(id, body);
    setResult(answer);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  // The profile only fills in the enterprise: without it (it failed) the form starts empty.
  const profile = { ...me, data: me.data ?? (me.error ? null : undefined), error: undefined };

  const renderRegister = ([talk, chainList, profileData]: [TalkDetail, ChainResponse[], MeResponse | null]) => {
    const mine = talk.activity.myRegistration;
    const done: TalkRegistrationResponse | null = result ?? (mine && isRegistrationActive(mine.status) && talk.myAppeal ? { registration: mine, appeal: talk.myAppeal } : null);
    const initialEnterprise: EnterpriseChoice | null =
      profileData?.enterpriseId && profileData.enterpriseName ? { kind: 'listed', id: profileData.enterpriseId, name: profileData.enterpriseName } : null;

    return (
      <>
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
              <TalkRegisterForm chains={chainList} initialEnterprise={initialEnterprise} onSubmit={handleSubmit} />
            </>
          )}
        </View>
      </>
    );
  };

  return (
    <PageShell className="talk-register-page">
      <QueryView query={combineQueries<[TalkDetail, ChainResponse[], MeResponse | null]>(detail, chains, profile)} stateClassName="talk-register-page__state">
        {renderRegister}
      </QueryView>
    </PageShell>
  );
}
