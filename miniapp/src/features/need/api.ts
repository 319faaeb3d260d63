import type {
  DashboardResponse,
  DepartmentAssignmentItem,
  DepartmentResponse,
  DispatchNeedRequest,
  InstructorEnterpriseItem,
  LogVisitRequest,
  NeedDetail,
  NeedListQuery,
  NeedSummary,
  RaiseNeedRequest,
  RateNeedRequest,
  VisitResponse,
} from '@torch-red/shared';
import { http } from '@/services/http';

export const raiseNeed = (body: RaiseNeedRequest) => http.post<NeedDetail>('/api/needs', body);
export const listMyNeeds = () => http.get<NeedSummary[]>('/api/me/needs');
export const getNeed = (id: string) => http.get<NeedDetail>(`/api/needs/${id}`);
export const rateNeed = (id: string, body: RateNeedRequest) => http.post<NeedDetail>(`/api/needs/${id}/rate`, body);
export const reopenNeed = (id: string, note: string) => http.post<NeedDetail>(`/api/needs/${id}/reopen`, { note });

export const listLedger = (query: NeedListQuery) => http.get<NeedSummary[]>('/api/committee/needs', { query: { ...query } });
export const dispatchNeed = (id: string, body: DispatchNeedRequest) => http.post<NeedDetail>(`/api/needs/${id}/dispatch`, body);
export const answerNeed = (id: string, answer: string) => http.post<NeedDetail>(`/api/needs/${id}/answer`, { answer });
export const listDepartments = () => http.get<DepartmentResponse[]>('/api/departments');

export const listMyAssignments = () => http.get<DepartmentAssignmentItem[]>('/api/department/assignments');
const assignmentPath = (needId: string, assignmentId: string, action: string) => `/api/needs/${needId}/assignments/${assignmentId}/${action}`;
export const acceptAssignment = (needId: string, assignmentId: string) => http.post<NeedDetail>(assignmentPath(needId, assignmentId, 'accept'));
export const returnAssignment = (needId: string, assignmentId: string, note: string) => http.post<NeedDetail>(assignmentPath(needId, assignmentId, 'return'), { note });
export const noteProgress = (needId: string, assignmentId: string, note: string) => http.post<NeedDetail>(assignmentPath(needId, assignmentId, 'progress'), { note });
export const resolveAssignment = (needId: string, assignmentId: string, answer: string) => http.post<NeedDetail>(assignmentPath(needId, assignmentId, 'resolve'), { answer });

export const getDashboard = () => http.get<DashboardResponse>('/api/dashboard');

export const listInstructorEnterprises = () => http.get<InstructorEnterpriseItem[]>('/api/instructor/enterprises');
export const listVisits = () => http.get<VisitResponse[]>('/api/visits');
export const logVisit = (body: LogVisitRequest) => http.post<VisitResponse>('/api/visits', body);
