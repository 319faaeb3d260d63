import { API, type PageQuery, type TalkRegisterRequest } from '@torch-red/shared';
import { send } from '@/services/http';

export const listTalks = (query: PageQuery) => send(API.talks.list, { query });
export const getTalk = (id: string) => send(API.talks.detail(id));
/** VALIDATION_FAILED answers carry per-field `details` the form shows next to the fields. */
export const registerForTalk = (id: string, body: TalkRegisterRequest) => send(API.talks.register(id), { body });
export const listMyAppeals = (query: PageQuery) => send(API.talks.myAppeals, { query });
