import type { AppealResponse, TalkDetail, TalkRegisterRequest, TalkRegistrationResponse, TalkSummary } from '@torch-red/shared';
import { http } from '@/services/http';

export const listTalks = () => http.get<TalkSummary[]>('/api/talks');
export const getTalk = (id: string) => http.get<TalkDetail>(`/api/talks/${id}`);
/** VALIDATION_FAILED answers carry per-field `details` the form shows next to the fields. */
export const registerForTalk = (id: string, body: TalkRegisterRequest) =>
  http.post<TalkRegistrationResponse>(`/api/talks/${id}/registrations`, body);
export const listMyAppeals = () => http.get<AppealResponse[]>('/api/me/appeals');
