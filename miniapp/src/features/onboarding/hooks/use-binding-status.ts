import { useQuery } from '@/hooks/use-query';
import { getBindingStatus } from '../api';

export const useBindingStatus = (enabled: boolean) => useQuery(getBindingStatus, { key: 'me:binding', enabled });
