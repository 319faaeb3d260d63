import { API } from '@torch-red/shared';
import { send } from '@/services/http';

export const getChains = () => send(API.orgs.chains);
