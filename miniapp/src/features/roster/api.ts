import { API, type MarkLeftRequest, type RosterListQuery, type UpdateRosterPersonRequest } from '@torch-red/shared';
import { download, send, upload } from '@/services/http';
import type { LocalFile } from '@/services/file-transfer';

export const listRoster = (orgId: string, query: RosterListQuery) => send(API.roster.list(orgId), { query });
export const getRosterPerson = (userId: string) => send(API.roster.person(userId));
export const updateRosterPerson = (userId: string, body: UpdateRosterPersonRequest) => send(API.roster.update(userId), { body });
export const markLeft = (userId: string, body: MarkLeftRequest) => send(API.roster.markLeft(userId), { body });
export const getOrgTree = () => send(API.orgs.tree);
/** Row errors (422 ROSTER_IMPORT_INVALID) come back to the page, which lists them instead of a toast. */
export const importRoster = (file: LocalFile) => upload(API.roster.import, file, { loadingTitle: '正在导入…', quietStatuses: [422] });
export const downloadTemplate = () => download(API.roster.template, '花名册导入模板', { failureMessage: '模板下载失败，请稍后再试' });
/** The roster as .xlsx with the list's filters, in the template's columns. */
export const exportRoster = (orgId: string, orgName: string, query: RosterListQuery) =>
  download(API.roster.export(orgId), `${orgName}-花名册`, { query, failureMessage: '导出失败，请稍后再试' });
