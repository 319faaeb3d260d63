import { useQuery } from '@/hooks/use-query';
import { listActivities } from '../api';

/** The next few published activities by start time (the list itself is newest first); with `orgId`, that org's only. */
export function useUpcomingActivities(count: number, enabled: boolean, orgId?: string) {
  return useQuery(
    async () => {
      const page = await listActivities({ from: new Date().toISOString(), limit: 20, ...(orgId ? { orgId } : {}) });
      return [...page.items].sort((a, b) => a.startAt.localeCompare(b.startAt)).slice(0, count);
    },
    { key: `activities:upcoming:${count}:${orgId ?? 'all'}`, enabled },
  );
}
