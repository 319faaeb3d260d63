import { useQuery } from '@/hooks/use-query';
import { getChains } from '../api';

export const useChains = (enabled: boolean) => useQuery(getChains, { key: 'chains', enabled });
