import { useQuery } from '@/hooks/use-query';
import { listTalks } from '../api';

/** The first page of sessions, the latest start first: enough for the home page's next session. */
export const useTalks = (enabled: boolean) => useQuery(() => listTalks({ limit: 20 }), { key: 'talks', enabled });
