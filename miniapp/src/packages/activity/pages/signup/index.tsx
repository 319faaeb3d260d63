import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { isRegistrationActive, type ActivityDetailResponse, type FormAnswers } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { getActivity, register } from '@/features/activity/api';
import { SignupForm } from '@/features/activity/components/signup-form';
import { describeRegistration, isFull } from '@/features/activity/format';
import { formatTimeRange } from '@/lib/datetime';
import { rememberSignupOutcome } from '@/features/activity/signup-outcome';
import { requestReminderPermission } from '@/features/activity/subscribe';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

/** Back to the detail page this form was opened from, or to a fresh one. */
function returnToDetail(id: string) {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous?.route?.replace(/^\//, '').startsWith(ROUTES.activityDetail.slice(1))) {
    void Taro.navigateBack();
  } else {
    void Taro.redirectTo({ url: withQuery(ROUTES.activityDetail, { id }) });
  }
}

export default function ActivitySignupPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  // Never cached: the form is built from it.
  const detail = useQuery(() => getActivity(id), { enabled: signedIn && id !== '' });

  const handleSubmit = async (answers: FormAnswers) => {
    await requestReminderPermission();
    const registration = await register(id, { answers });
    rememberSignupOutcome(registration);
    await Taro.showToast({ title: describeRegistration(registration), icon: registration.status === 'CONFIRMED' ? 'success' : 'none', duration: 1500 });
    returnToDetail(id);
  };

  const renderSignup = (activity: ActivityDetailResponse) => {
    const mine = activity.myRegistration;
    const alreadyIn = mine !== null && isRegistrationActive(mine.status);
    return (
      <>
        <View className="activity-signup-page__header">
          <Text className="activity-signup-page__title">{activity.title}</Text>
          <Text className="activity-signup-page__meta">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
          <Text className="activity-signup-page__meta">{activity.location}</Text>
          {isFull(activity) && activity.waitlist ? <Text className="activity-signup-page__notice">名额已满，提交后将进入候补，有人取消时按顺序递补</Text> : null}
          {activity.requiresApproval ? <Text className="activity-signup-page__notice">本活动报名需组织方审核</Text> : null}
        </View>
        <View className="activity-signup-page__body">
          {alreadyIn && mine ? (
            <View className="activity-signup-page__done">
              <Text className="activity-signup-page__done-title">你已报名：{describeRegistration(mine)}</Text>
              <Button type="primary" shape="round" onClick={() => returnToDetail(id)}>
                查看活动
              </Button>
            </View>
          ) : (
            <SignupForm fields={activity.formFields} submitText={isFull(activity) && activity.waitlist ? '提交候补报名' : '提交报名'} onSubmit={handleSubmit} />
          )}
        </View>
      </>
    );
  };

  return (
    <PageShell className="activity-signup-page">
      <QueryView query={detail} loadingCards={2} stateClassName="activity-signup-page__state">
        {renderSignup}
      </QueryView>
    </PageShell>
  );
}
