import { API, type ActivityListQuery, type CheckinRequest, type LeaveRequest, type PageQuery, type RegisterRequest } from '@torch-red/shared';
import { send } from '@/services/http';

export const listActivities = (query: ActivityListQuery) => send(API.activities.list, { query });
export const getActivity = (id: string) => send(API.activities.detail(id));
/** A FORM_ANSWER_INVALID answer carries per-field `details` the form shows next to the fields. */
export const register = (id: string, body: RegisterRequest) => send(API.activities.register(id), { body });
export const cancelMyRegistration = (id: string) => send(API.activities.cancelMine(id));
export const askLeave = (id: string, body: LeaveRequest) => send(API.activities.askLeave(id), { body });
export const checkIn = (id: string, body: CheckinRequest) => send(API.activities.checkIn(id), { body });
export const listMyRegistrations = (query: PageQuery) => send(API.activities.mine, { query });
