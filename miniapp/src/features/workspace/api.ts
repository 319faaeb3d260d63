import {
  API,
  type CancelActivityRequest,
  type CreateActivityRequest,
  type PageQuery,
  type RejectRequest,
  type SetAttendanceRequest,
  type UpdateActivityRequest,
} from '@torch-red/shared';
import { download, send } from '@/services/http';

export const listWorkspaceActivities = (query: PageQuery) => send(API.activities.workspace, { query });
export const createActivity = (body: CreateActivityRequest) => send(API.activities.create, { body });
export const updateActivity = (id: string, body: UpdateActivityRequest) => send(API.activities.update(id), { body });
export const publishActivity = (id: string) => send(API.activities.publish(id));
export const cancelActivity = (id: string, body: CancelActivityRequest) => send(API.activities.cancel(id), { body });
export const listAttendees = (id: string) => send(API.activities.attendees(id));
export const approveRegistration = (id: string, registrationId: string) => send(API.activities.approve(id, registrationId));
export const rejectRegistration = (id: string, registrationId: string, body: RejectRequest) => send(API.activities.reject(id, registrationId), { body });
export const setAttendance = (id: string, registrationId: string, body: SetAttendanceRequest) => send(API.activities.attendance(id, registrationId), { body });
/** The attendee's full number to call them; the server audits every reveal. */
export const revealAttendeePhone = (id: string, registrationId: string) => send(API.activities.attendeePhone(id, registrationId));
export const getCheckinCode = (id: string) => send(API.activities.checkinCode(id));
export const getOrgTree = () => send(API.orgs.tree);
/** The attendee list as .xlsx (saved in the browser, opened in WeChat's document viewer in the mini-program). */
export const exportRegistrations = (activityId: string, title: string) =>
  download(API.activities.export(activityId), `${title}-报名名单`, { failureMessage: '导出失败，请稍后再试' });
