import type {
  ActivityDetailResponse,
  ActivityListQuery,
  ActivityResponse,
  CheckinRequest,
  LeaveRequest,
  MyRegistrationItem,
  Page,
  PageQuery,
  RegisterRequest,
  RegistrationResponse,
} from '@torch-red/shared';
import { http } from '@/services/http';

export const listActivities = (query: ActivityListQuery) => http.get<Page<ActivityResponse>>('/api/activities', { query: { ...query } });
export const getActivity = (id: string) => http.get<ActivityDetailResponse>(`/api/activities/${id}`);
/** A FORM_ANSWER_INVALID answer carries per-field `details` the form shows next to the fields. */
export const register = (id: string, body: RegisterRequest) => http.post<RegistrationResponse>(`/api/activities/${id}/registrations`, body);
export const cancelMyRegistration = (id: string) => http.delete<RegistrationResponse>(`/api/activities/${id}/registrations/me`);
export const askLeave = (id: string, body: LeaveRequest) => http.post<RegistrationResponse>(`/api/activities/${id}/registrations/me/leave`, body);
export const checkIn = (id: string, body: CheckinRequest) => http.post<RegistrationResponse>(`/api/activities/${id}/checkin`, body);
export const listMyRegistrations = (query: PageQuery) => http.get<Page<MyRegistrationItem>>('/api/me/registrations', { query: { ...query } });
