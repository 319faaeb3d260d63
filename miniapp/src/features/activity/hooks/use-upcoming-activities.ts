import { useQuery } from '@/hooks/use-query';
import { listActivities } from '../api';

/** The next few published activities by start time (the list itself is newest first). */
export function useUpcomingActivities(count: number, enabled: boolean) {
  return useQuery(
    async () => {
      const page = await listActivities({ from: new Date().toISOString(), limit: 20 });
      return [...page.items].sort((a, b) => a.startAt.localeCompare(b.startAt)).slice(0, count);
    },
    { key: `activities:upcoming:${count}`, enabled },
  );
}
