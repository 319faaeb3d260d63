import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttendeePhoneResponse, AttendeeResponse, CheckinCodeResponse } from '@torch-red/shared';
import { ATTENDANCE_LABELS, REGISTRATION_STATUS_LABELS } from '@torch-red/shared';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock, formatChinaDateTime } from '../../common/clock';
import { DataCipher, maskPhone } from '../../common/crypto/data-cipher';
import { AppError } from '../../common/errors/app-error';
import { buildSpreadsheet } from '../../common/xlsx/spreadsheet';
import { AuditService } from '../audit/audit.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { ActivityAccess } from './activity-access';
import { toAttendeeResponse } from './activity.mapper';
import { CheckinTokens } from './checkin-token';
import { RegistrationEntity } from './registration.entity';
import { openAnswers } from './sealed-answers';

/** What the secretary holds at the door: the attendee list, its .xlsx export and the venue QR code. */
@Injectable()
export class AttendeeExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly clock: Clock,
    private readonly access: ActivityAccess,
    private readonly audit: AuditService,
    private readonly checkins: CheckinTokens,
    private readonly people: PeopleDirectory,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  async attendees(user: AuthUser, id: number): Promise<AttendeeResponse[]> {
    await this.access.requireManaged(user, id);
    return this.attendeeRows(id, false);
  }

  /** One row of the list (phones masked), as the secretary sees it after acting on it. */
  async attendee(activityId: number, registrationId: number): Promise<AttendeeResponse> {
    const row = (await this.attendeeRows(activityId, false)).find((a) => a.id === String(registrationId));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /**
   * One attendee's full number, for the organiser to call from the list: managers of the activity only, a
   * registration of another activity looks missing, and every reveal is written to the audit log.
   */
  async revealPhone(user: AuthUser, activityId: number, registrationId: number): Promise<AttendeePhoneResponse> {
    await this.access.requireManaged(user, activityId);
    const reg = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id: registrationId, activityId });
    if (!reg) throw new AppError('NOT_FOUND');
    const person = (await this.people.contacts([reg.userId])).get(reg.userId);
    const phone = person?.phoneEnc ? this.cipher.decryptOrNull(person.phoneEnc) : null;
    if (!person || !phone) throw new AppError('NOT_FOUND', '此人未登记手机号');
    await this.audit.record({ actorId: user.id, action: 'activity.attendee.phone', entityType: 'registration', entityId: reg.id, after: { activityId, userId: reg.userId } });
    return { registrationId: String(reg.id), name: person.name, phone };
  }

  async checkinCode(user: AuthUser, id: number): Promise<CheckinCodeResponse> {
    const activity = await this.access.requireManaged(user, id);
    if (activity.status !== 'PUBLISHED') throw new AppError('ACTIVITY_NOT_PUBLISHED');
    const { token, shortCode, expiresAt } = this.checkins.issue(id, this.clock.now());
    const qrDataUrl = await QRCode.toDataURL(token, { margin: 1, width: 360, errorCorrectionLevel: 'M' });
    return { token, shortCode, qrDataUrl, expiresAt: expiresAt.toISOString(), rotateSeconds: this.checkins.rotateSeconds };
  }

  /** The attendee list as .xlsx with every form answer; full phone numbers, so only managers get it, and it is audited. */
  async exportXlsx(user: AuthUser, id: number): Promise<{ filename: string; buffer: Buffer }> {
    const activity = await this.access.requireManaged(user, id);
    const rows = await this.attendeeRows(id, true);
    const buffer = await buildSpreadsheet({
      name: '报名名单',
      freezeHeader: true,
      columns: [
        { header: '序号', key: 'n', width: 6 },
        { header: '姓名', key: 'name', width: 12 },
        { header: '手机号', key: 'phone', width: 15 },
        { header: '党组织', key: 'org', width: 24 },
        { header: '企业', key: 'enterprise', width: 20 },
        { header: '报名状态', key: 'status', width: 10 },
        { header: '候补顺位', key: 'position', width: 10 },
        { header: '出勤', key: 'attendance', width: 8 },
        { header: '请假原因', key: 'leave', width: 20 },
        { header: '报名时间', key: 'createdAt', width: 18 },
        ...activity.formFields.map((f) => ({ header: f.label, key: `f_${f.key}`, width: 18 })),
      ],
      rows: rows.map((r, i) => ({
        n: i + 1,
        name: r.name,
        phone: r.phone ?? '',
        org: r.orgName ?? '',
        enterprise: r.enterpriseName ?? '',
        status: REGISTRATION_STATUS_LABELS[r.status],
        position: r.waitlistPosition ?? '',
        attendance: ATTENDANCE_LABELS[r.attendance],
        leave: r.leaveReason ?? '',
        createdAt: formatChinaDateTime(new Date(r.createdAt)),
        ...Object.fromEntries(activity.formFields.map((f) => [`f_${f.key}`, formatAnswer(r.answers[f.key])])),
      })),
    });
    await this.audit.record({ actorId: user.id, action: 'activity.export', entityType: 'activity', entityId: id, after: { rows: rows.length } });
    return { filename: `${activity.title}-报名名单.xlsx`, buffer };
  }

  private async attendeeRows(activityId: number, fullPhones: boolean): Promise<AttendeeResponse[]> {
    const regs = await this.dataSource.getRepository(RegistrationEntity).find({ where: { activityId }, order: { queuedAt: 'ASC', id: 'ASC' } });
    if (regs.length === 0) return [];
    const activity = await this.access.reload(activityId);
    const byId = await this.people.contacts(regs.map((r) => r.userId));
    const users = [...byId.values()];
    const [orgs, enterprises] = await Promise.all([this.orgDirectory.orgs(users.map((u) => u.orgId)), this.orgDirectory.enterprises(users.map((u) => u.enterpriseId))]);
    let waitlisted = 0;
    return regs.map((r) => {
      const u = byId.get(r.userId);
      const phone = u?.phoneEnc ? this.cipher.decryptOrNull(u.phoneEnc) : null;
      const opened = { ...r, answers: openAnswers(this.cipher, r.answers, fullPhones ? 'full' : 'mask') };
      return toAttendeeResponse(opened, r.status === 'WAITLISTED' ? ++waitlisted : null, {
        name: u?.name ?? '（已删除）',
        phone: phone ? (fullPhones ? phone : maskPhone(phone)) : null,
        orgName: u?.orgId ? (orgs.get(u.orgId)?.name ?? null) : null,
        enterpriseName: u?.enterpriseId ? (enterprises.get(u.enterpriseId)?.name ?? null) : null,
      }, activity);
    });
  }
}

function formatAnswer(value: unknown): string | number {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? value : '';
}
