import { useQuery } from '@/hooks/use-query';
import { getMyPoints } from '../api';

/** My points today and in total; fetched again whenever the page shows (after a quiz or a lesson). */
export const useMyPoints = (enabled: boolean) => useQuery(getMyPoints, { key: 'study:points', enabled, refreshOnShow: true });
