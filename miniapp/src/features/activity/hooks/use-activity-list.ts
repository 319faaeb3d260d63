import type { ActivityListQuery } from '@torch-red/shared';
import { usePagedList } from '@/hooks/use-paged-list';
import { listActivities } from '../api';
import type { ActivityFilterValue } from '../components/activity-filters';

const PAGE_SIZE = 10;

export function toListQuery(filters: ActivityFilterValue, orgId: string | undefined, now: Date): ActivityListQuery {
  return {
    type: filters.type,
    orgId: filters.mineOnly ? orgId : undefined,
    chainId: filters.chainId,
    // `from` keeps activities that have not ended yet: upcoming and ongoing ones.
    from: filters.range === 'upcoming' ? now.toISOString() : undefined,
    // 即将开始 reads earliest first; 全部 newest first.
    sort: filters.range === 'upcoming' ? 'START' : undefined,
    limit: PAGE_SIZE,
  };
}

export function useActivityList(filters: ActivityFilterValue, orgId: string | undefined, enabled: boolean) {
  return usePagedList((cursor) => listActivities({ ...toListQuery(filters, orgId, new Date()), cursor }), {
    key: `activities:${JSON.stringify([filters, orgId])}`,
    enabled,
  });
}
