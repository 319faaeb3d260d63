import type {
  ActivityResponse,
  AttendeeResponse,
  CancelActivityRequest,
  CheckinCodeResponse,
  CreateActivityRequest,
  OrgTreeNode,
  Page,
  PageQuery,
  RejectRequest,
  SetAttendanceRequest,
  UpdateActivityRequest,
} from '@torch-red/shared';
import { http } from '@/services/http';

export const listWorkspaceActivities = (query: PageQuery) => http.get<Page<ActivityResponse>>('/api/workspace/activities', { query: { ...query } });
export const createActivity = (body: CreateActivityRequest) => http.post<ActivityResponse>('/api/activities', body);
export const updateActivity = (id: string, body: UpdateActivityRequest) => http.patch<ActivityResponse>(`/api/activities/${id}`, body);
export const publishActivity = (id: string) => http.post<ActivityResponse>(`/api/activities/${id}/publish`);
export const cancelActivity = (id: string, body: CancelActivityRequest) => http.post<ActivityResponse>(`/api/activities/${id}/cancel`, body);
export const listAttendees = (id: string) => http.get<AttendeeResponse[]>(`/api/activities/${id}/registrations`);
export const approveRegistration = (id: string, registrationId: string) =>
  http.post<AttendeeResponse>(`/api/activities/${id}/registrations/${registrationId}/approve`);
export const rejectRegistration = (id: string, registrationId: string, body: RejectRequest) =>
  http.post<AttendeeResponse>(`/api/activities/${id}/registrations/${registrationId}/reject`, body);
export const setAttendance = (id: string, registrationId: string, body: SetAttendanceRequest) =>
  http.post<AttendeeResponse>(`/api/activities/${id}/registrations/${registrationId}/attendance`, body);
export const getCheckinCode = (id: string) => http.get<CheckinCodeResponse>(`/api/activities/${id}/checkin-code`);
export const getOrgTree = () => http.get<OrgTreeNode[]>('/api/orgs/tree');
