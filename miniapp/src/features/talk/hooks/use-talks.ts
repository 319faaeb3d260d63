import { useQuery } from '@/hooks/use-query';
import { listTalks } from '../api';

export const useTalks = (enabled: boolean) => useQuery(listTalks, { key: 'talks', enabled });
