import { API, type AnswerAppealRequest, type PageQuery } from '@torch-red/shared';
import { send } from '@/services/http';

// Admin calls used only by the 诉求答复 page (talk subpackage): kept apart from ./api, which 首页 loads.
export const listTalkAppeals = (talkId: string, query: PageQuery) => send(API.admin.talks.appeals(talkId), { query });
export const answerAppeal = (appealId: string, body: AnswerAppealRequest) => send(API.admin.talks.answerAppeal(appealId), { body });
/** Turns the appeal into a need on the ledger (once per appeal); the need's detail is the answer. */
export const appealToNeed = (appealId: string) => send(API.admin.needs.fromAppeal(appealId));
