import { Injectable } from '@nestjs/common';
import { COMPLIANCE_STATE_LABELS, MEETING_KIND_LABELS, type MeetingAttendanceStatus } from '@torch-red/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { formatChinaDateTime } from '../../common/clock';
import { buildSpreadsheet } from '../../common/xlsx/spreadsheet';
import { AccessPolicy } from '../access/access-policy.service';
import { AuditService } from '../audit/audit.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { ComplianceExportQueryDto } from './dto/org-life.dto';
import { MeetingComplianceService } from './meeting-compliance.service';
import { MeetingQueryService } from './meeting-query.service';
import type { MeetingAttendeeEntity } from './meeting.entity';

type Xlsx = { filename: string; buffer: Buffer };

const COMPLIANCE_COLUMNS = [
  { header: '党组织', key: 'org', width: 28 },
  { header: '产业链', key: 'chain', width: 18 },
  { header: '会议类型', key: 'kind', width: 16 },
  { header: '落实情况', key: 'state', width: 10 },
  { header: '会议次数', key: 'count', width: 10 },
  { header: '最近一次', key: 'last', width: 18 },
];

const BOOK_COLUMNS = [
  { header: '会议时间', key: 'startsAt', width: 18 },
  { header: '会议类型', key: 'kind', width: 16 },
  { header: '主题', key: 'topic', width: 30 },
  { header: '地点', key: 'place', width: 18 },
  { header: '主持人', key: 'host', width: 10 },
  { header: '记录人', key: 'recorder', width: 10 },
  { header: '出席', key: 'present', width: 30 },
  { header: '请假（原因）', key: 'leave', width: 30 },
  { header: '缺席', key: 'absent', width: 20 },
  { header: '议程', key: 'agenda', width: 30 },
  { header: '会议记录', key: 'minutes', width: 60 },
  { header: '决议', key: 'resolutions', width: 30 },
  { header: '归档时间', key: 'archivedAt', width: 18 },
];

function names(attendees: MeetingAttendeeEntity[], status: MeetingAttendanceStatus): string {
  return attendees
    .filter((a) => a.status === status)
    .map((a) => (status === 'LEAVE' && a.reason ? `${a.name}（${a.reason}）` : a.name))
    .join('、');
}

/** The compliance table and an organisation's yearly record book as .xlsx; each download is audited. */
@Injectable()
export class MeetingExportService {
  constructor(
    private readonly compliance: MeetingComplianceService,
    private readonly query: MeetingQueryService,
    private readonly policy: AccessPolicy,
    private readonly orgs: OrgDirectory,
    private readonly audit: AuditService,
  ) {}

  async complianceXlsx(user: AuthUser, q: ComplianceExportQueryDto): Promise<Xlsx> {
    const rows = await this.compliance.allRows(user, q);
    const buffer = await buildSpreadsheet({
      name: '组织生活落实情况',
      columns: COMPLIANCE_COLUMNS,
      freezeHeader: true,
      rows: rows.map((r) => ({
        org: r.orgName,
        chain: r.chainName ?? '',
        kind: MEETING_KIND_LABELS[r.kind],
        state: COMPLIANCE_STATE_LABELS[r.state],
        count: r.meetingCount,
        last: r.lastMeetingAt ? formatChinaDateTime(new Date(r.lastMeetingAt)) : '',
      })),
    });
    await this.audit.record({ actorId: user.id, action: 'meeting.export-compliance', entityType: 'meeting', entityId: null, after: { filters: { ...q }, rows: rows.length } });
    return { filename: `组织生活落实情况-${q.period}.xlsx`, buffer };
  }

  /** Every archived record of the organisation in the year, with attendance and minutes (meeting.oversee). */
  async bookXlsx(user: AuthUser, orgId: number, year: number): Promise<Xlsx> {
    await this.policy.require(user, 'meeting.oversee', orgId);
    const [org, meetings] = await Promise.all([this.orgs.org(orgId), this.query.archivedOfYear(orgId, year)]);
    const attendees = await this.query.attendeesOfMany(meetings.map((m) => m.id));
    const buffer = await buildSpreadsheet({
      name: `${year}年组织生活`,
      columns: BOOK_COLUMNS,
      freezeHeader: true,
      rows: meetings.map((m) => {
        const list = attendees.get(m.id) ?? [];
        return {
          startsAt: formatChinaDateTime(m.startsAt),
          kind: MEETING_KIND_LABELS[m.kind],
          topic: m.topic,
          place: m.online ? (m.place ? `${m.place}（线上）` : '线上') : (m.place ?? ''),
          host: m.hostName ?? '',
          recorder: m.recorderName ?? '',
          present: names(list, 'PRESENT'),
          leave: names(list, 'LEAVE'),
          absent: names(list, 'ABSENT'),
          agenda: m.agenda ?? '',
          minutes: m.minutes ?? '',
          resolutions: m.resolutions ?? '',
          archivedAt: m.archivedAt ? formatChinaDateTime(m.archivedAt) : '',
        };
      }),
    });
    await this.audit.record({ actorId: user.id, action: 'meeting.export-book', entityType: 'org', entityId: orgId, after: { year, rows: meetings.length } });
    return { filename: `${org?.name ?? '党组织'}${year}年组织生活记录.xlsx`, buffer };
  }
}
