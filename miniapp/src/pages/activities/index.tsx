import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ActivityCard } from '@/features/activity/components/activity-card';
import { ActivityFilters, type ActivityFilterValue } from '@/features/activity/components/activity-filters';
import { useActivityList } from '@/features/activity/hooks/use-activity-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { useChains } from '@/features/org/hooks/use-chains';
import { useMe } from '@/features/profile/hooks/use-me';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

const DEFAULT_FILTERS: ActivityFilterValue = { mineOnly: false, range: 'upcoming' };
const OWN_FILTERS: ActivityFilterValue = { mineOnly: true, range: 'upcoming' };

export default function ActivitiesPage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const me = useMe(signedIn);
  const orgId = me.data?.orgId ?? user?.orgId;
  const chains = useChains(signedIn);
  const [filters, setFilters] = useState<ActivityFilterValue>(DEFAULT_FILTERS);
  const list = useActivityList(filters, orgId, signedIn);
  // Own organisation first: with no narrowing filter, its upcoming activities lead the page.
  const showOwnFirst = orgId !== undefined && !filters.mineOnly && filters.type === undefined && filters.chainId === undefined;
  const own = useActivityList(OWN_FILTERS, orgId, signedIn && showOwnFirst);
  const ownItems = showOwnFirst ? own.items.slice(0, 3) : [];
  const ownIds = new Set(ownItems.map((activity) => activity.id));

  const handleOpen = (activity: ActivityResponse) => {
    void Taro.navigateTo({ url: withQuery(ROUTES.activityDetail, { id: activity.id }) });
  };

  const filtered = filters.type !== undefined || filters.mineOnly || filters.chainId !== undefined || filters.range !== 'all';
  const empty = (
    <EmptyState
      icon="activity"
      title={filtered ? '没有符合条件的活动' : '暂无活动'}
      description={filtered ? '换个筛选条件看看，或查看全部活动' : '组织发布活动后会第一时间出现在这里'}
      action={
        filtered ? (
          <Button type="primary" fill="outline" shape="round" onClick={() => setFilters({ mineOnly: false, range: 'all' })}>
            查看全部活动
          </Button>
        ) : undefined
      }
    />
  );
  const renderItems = (items: ActivityResponse[]) => {
    const otherItems = items.filter((activity) => !ownIds.has(activity.id));
    return (
      <>
        {ownItems.length > 0 && (
          <View className="activities-page__own">
            <View className="activities-page__section-title">本组织活动</View>
            {ownItems.map((activity) => (
              <ActivityCard key={`own-${activity.id}`} activity={activity} onClick={handleOpen} />
            ))}
            {otherItems.length > 0 ? <View className="activities-page__section-title">更多活动</View> : null}
          </View>
        )}
        {otherItems.map((activity) => (
          <ActivityCard key={activity.id} activity={activity} onClick={handleOpen} />
        ))}
      </>
    );
  };

  return (
    <PageShell className="activities-page">
      <View className="activities-page__filters">
        <ActivityFilters value={filters} onChange={setFilters} chains={chains.data ?? []} hasOrg={orgId !== undefined} />
      </View>
      <View className="activities-page__list">
        <PagedList list={list} empty={empty} onRefresh={showOwnFirst ? own.reload : undefined}>
          {renderItems}
        </PagedList>
      </View>
    </PageShell>
  );
}
