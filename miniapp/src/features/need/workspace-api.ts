import { API, type DispatchNeedRequest, type LogVisitRequest, type NeedListQuery, type PageQuery, type RaiseNeedRequest, type VisitListQuery } from '@torch-red/shared';
import { download, send } from '@/services/http';

// Calls of the subpackage pages (raise, my needs, ledger, 部门报到, visits, dashboard): kept out of ./api so they travel
// with the subpackages. A department's handling steps are in ./api: 需求详情 (main package) offers them too.
export const raiseNeed = (body: RaiseNeedRequest) => send(API.needs.raise, { body });
export const listMyNeeds = (query: PageQuery) => send(API.needs.mine, { query });
export const listLedger = (query: NeedListQuery) => send(API.needs.ledger, { query });
/** The ledger as .xlsx with the same filters. */
export const exportLedger = (query: NeedListQuery) => download(API.needs.exportLedger, '需求台账', { query, failureMessage: '导出失败，请稍后再试' });
export const dispatchNeed = (id: string, body: DispatchNeedRequest) => send(API.needs.dispatch(id), { body });
export const answerNeed = (id: string, answer: string) => send(API.needs.answer(id), { body: { answer } });
export const listDepartments = () => send(API.needs.departments);
export const listMyAssignments = (query: PageQuery) => send(API.needs.myAssignments, { query });
/** The raiser's name and full phone for the handling department; the server audits each call. */
export const getNeedContact = (needId: string, assignmentId: string) => send(API.needs.contact(needId, assignmentId));
export const getDashboard = () => send(API.needs.dashboard);
export const listInstructorEnterprises = () => send(API.needs.instructorEnterprises);
export const listVisits = (query: VisitListQuery) => send(API.needs.visits, { query });
export const logVisit = (body: LogVisitRequest) => send(API.needs.logVisit, { body });
