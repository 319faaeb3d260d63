import { getMe } from '@/features/auth/api';
import { useQuery } from '@/hooks/use-query';

export const useMe = (enabled: boolean) => useQuery(getMe, { key: 'me', enabled });
