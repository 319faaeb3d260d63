import { API, type RateNeedRequest } from '@torch-red/shared';
import { send } from '@/services/http';

// What 需求详情 (main package) calls; the workspace's and the subpackages' calls are in ./workspace-api.
export const getNeed = (id: string) => send(API.needs.detail(id));
export const rateNeed = (id: string, body: RateNeedRequest) => send(API.needs.rate(id), { body });
export const reopenNeed = (id: string, note: string) => send(API.needs.reopen(id), { body: { note } });
