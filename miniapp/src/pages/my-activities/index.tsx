import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { MyRegistrationItem } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { ListFooter } from '@/components/list-footer';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { listMyRegistrations } from '@/features/activity/api';
import { ActivityCard } from '@/features/activity/components/activity-card';
import { CheckinButton } from '@/features/activity/components/checkin-button';
import { RegistrationTags } from '@/features/activity/components/registration-summary';
import { isCheckinOpen } from '@/features/activity/format';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

function canCheckIn({ registration, activity }: MyRegistrationItem): boolean {
  return activity.status === 'PUBLISHED' && registration.status === 'CONFIRMED' && registration.attendance !== 'CHECKED_IN' && isCheckinOpen(activity);
}

export default function MyActivitiesPage() {
  const signedIn = useRequireSession();
  const list = usePagedList((cursor) => listMyRegistrations({ limit: 20, cursor }), 'my-registrations', signedIn);
  const shownBefore = useRef(false);

  useDidShow(() => {
    // Coming back from a detail page where the person may have cancelled or checked in.
    if (shownBefore.current) {
      void list.reload();
    }
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  let content;
  if (list.error && list.items.length === 0) {
    content = <ErrorState message={list.error.message} onRetry={() => void list.reload()} />;
  } else if (list.loading && list.items.length === 0) {
    content = <LoadingState cards={3} />;
  } else if (list.items.length === 0) {
    content = (
      <EmptyState
        title="还没有报名活动"
        description="去活动页看看近期的主题党日、座谈和培训吧"
        action={
          <Button type="primary" shape="round" onClick={() => void Taro.switchTab({ url: ROUTES.activities })}>
            去看看活动
          </Button>
        }
      />
    );
  } else {
    content = (
      <>
        {list.items.map((item) => (
          <ActivityCard
            key={item.registration.id}
            activity={item.activity}
            showStatus
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.activityDetail, { id: item.activity.id }) })}
            footer={
              <View className="my-activities-page__footer" onClick={(event) => event.stopPropagation()}>
                <RegistrationTags registration={item.registration} />
                {canCheckIn(item) ? <CheckinButton activityId={item.activity.id} size="small" onCheckedIn={() => void list.reload()} /> : null}
              </View>
            }
          />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
      </>
    );
  }

  return (
    <PageShell className="my-activities-page">
      <View className="my-activities-page__list">{content}</View>
    </PageShell>
  );
}
