import type { ChainResponse } from '@torch-red/shared';
import { http } from '@/services/http';

export const getChains = () => http.get<ChainResponse[]>('/api/chains');
