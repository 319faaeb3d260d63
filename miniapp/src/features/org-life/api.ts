import {
  API,
  type ComplianceExportQuery,
  type ComplianceQuery,
  type CorrectMeetingRequest,
  type MeetingInput,
  type MeetingListQuery,
  type PageQuery,
  type SetAttendeesRequest,
  type UserResponse,
} from '@torch-red/shared';
import { download, send } from '@/services/http';

export const createMeeting = (orgId: string, body: MeetingInput) => send(API.orgLife.create(orgId), { body });
export const listMeetings = (orgId: string, query: MeetingListQuery) => send(API.orgLife.list(orgId), { query });
export const listMeetingActivities = (orgId: string) => send(API.orgLife.activities(orgId));
export const getMeetingCalendar = (orgId: string, year: number) => send(API.orgLife.calendar(orgId), { query: { year } });
export const getMeeting = (id: string) => send(API.orgLife.detail(id));
export const updateMeeting = (id: string, body: MeetingInput) => send(API.orgLife.update(id), { body });
export const setMeetingAttendees = (id: string, body: SetAttendeesRequest) => send(API.orgLife.attendees(id), { body });
/** MEETING_INCOMPLETE (422) names what is missing; the HTTP client toasts it. */
export const archiveMeeting = (id: string) => send(API.orgLife.archive(id));
/** An admin's correction of an archived record (reason required); the audit log keeps it before and after. */
export const correctMeeting = (id: string, body: CorrectMeetingRequest) => send(API.admin.orgLife.correct(id), { body });
export const deleteMeeting = (id: string) => send(API.orgLife.remove(id));
export const listMyMeetings = (query: PageQuery) => send(API.orgLife.mine, { query });
export const getCompliance = (query: ComplianceQuery) => send(API.orgLife.compliance, { query });

/** The compliance table as .xlsx, with the page's filters. */
export const exportCompliance = (query: ComplianceExportQuery, filename: string) =>
  download(API.orgLife.exportCompliance, filename, { query, failureMessage: '导出失败，请稍后再试' });

/** One organisation's yearly record book (every archived record with attendance and minutes) as .xlsx. */
export const downloadMeetingBook = (orgId: string, orgName: string, year: number) =>
  download(API.orgLife.book(orgId), `${orgName}-${year}年组织生活台账`, { query: { year }, failureMessage: '台账下载失败，请稍后再试' });

/** Every member of the org (all pages of the members route): the people a record's attendance is taken from. */
export async function listAllMembers(orgId: string): Promise<UserResponse[]> {
  const members: UserResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await send(API.orgs.members(orgId), { query: { limit: 100, cursor } });
    members.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return members;
}
