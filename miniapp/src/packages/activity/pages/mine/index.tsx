import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { listMyRegistrations } from '@/features/activity/api';
import { ActivityCard } from '@/features/activity/components/activity-card';
import { CheckinButton } from '@/features/activity/components/checkin-button';
import { RegistrationTags } from '@/features/activity/components/registration-summary';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function MyActivitiesPage() {
  const signedIn = useRequireSession();
  // Reloaded on show: back from a detail page where the person may have cancelled or checked in.
  const list = usePagedList((cursor) => listMyRegistrations({ limit: 20, cursor }), { key: 'me:registrations', enabled: signedIn, refreshOnShow: true });

  const empty = (
    <EmptyState
      icon="activity"
      title="还没有报名活动"
      description="去活动页看看近期的主题党日、座谈和培训吧"
      action={
        <Button type="primary" shape="round" onClick={() => void Taro.switchTab({ url: ROUTES.activities })}>
          去看看活动
        </Button>
      }
    />
  );

  return (
    <PageShell className="my-activities-page">
      <View className="my-activities-page__list">
        <PagedList list={list} empty={empty}>
          {(items) =>
            items.map((item) => (
              <ActivityCard
                key={item.registration.id}
                activity={item.activity}
                showStatus
                onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.activityDetail, { id: item.activity.id }) })}
                footer={
                  <View className="my-activities-page__footer" onClick={(event) => event.stopPropagation()}>
                    <RegistrationTags registration={item.registration} />
                    {item.registration.canCheckIn ? <CheckinButton activityId={item.activity.id} size="small" onCheckedIn={() => void list.reload()} /> : null}
                  </View>
                }
              />
            ))
          }
        </PagedList>
      </View>
    </PageShell>
  );
}
