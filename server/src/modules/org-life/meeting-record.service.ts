import { Injectable } from '@nestjs/common';
import type { AttendeeInput, MeetingDetail } from '@torch-red/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import { AccessPolicy } from '../access/access-policy.service';
import { ActivityDirectory } from '../activity/activity-directory.service';
import { AuditService } from '../audit/audit.service';
import { ImageService } from '../media/image.service';
import type { CorrectMeetingDto, MeetingInputDto } from './dto/org-life.dto';
import { MeetingAttendance, type AttendanceLine } from './meeting-attendance';
import { periodNumbers } from './meeting-period';
import { MeetingQueryService } from './meeting-query.service';
import { auditView } from './meeting.mapper';
import { MeetingEntity, MeetingImageEntity } from './meeting.entity';

const ALREADY_RECORDED = '该活动已生成会议记录';

/**
 * Writing 组织生活 records: a secretary (meeting.record on the org) creates and edits a DRAFT, sets its attendance,
 * archives it — after which it is read-only (MEETING_ARCHIVED) except for an admin's audited correction.
 */
@Injectable()
export class MeetingRecordService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly images: ImageService,
    private readonly activities: ActivityDirectory,
    private readonly attendance: MeetingAttendance,
    private readonly query: MeetingQueryService,
  ) {}

  async create(user: AuthUser, orgId: number, dto: MeetingInputDto): Promise<MeetingDetail> {
    await this.policy.require(user, 'meeting.record', orgId);
    if (!(await this.policy.tree(user)).isOpen(orgId)) throw new AppError('ORG_CLOSED', '该组织已关闭，不能再新建会议记录');
    const times = checkTimes(dto);
    const own = uniqueIds(dto.imageIds);
    await this.images.requireAttachable(user, own);
    let lines: AttendanceLine[] = [];
    let cover: number | null = null;
    const fromActivityId = dto.fromActivityId ? Number(dto.fromActivityId) : null;
    if (fromActivityId !== null) {
      const activity = await this.activities.attendanceOf(fromActivityId, this.clock.now());
      if (!activity || activity.orgId !== orgId || !activity.ended) throw new AppError('MEETING_ACTIVITY_INVALID');
      lines = await this.attendance.fromActivity(orgId, activity);
      // The activity's cover stays public (it still shows the activity), so it is attached but not made private.
      cover = await this.images.idOfUrl(activity.coverUrl);
    }
    const imageIds = cover !== null && !own.includes(cover) ? [cover, ...own] : own;
    let id: number;
    try {
      id = await this.tx.run(async (m) => {
        const repo = m.getRepository(MeetingEntity);
        const meeting = await repo.save(
          repo.create({
            orgId,
            status: 'DRAFT',
            ...fields(dto, times),
            fromActivityId,
            presentCount: 0,
            leaveCount: 0,
            absentCount: 0,
            createdBy: user.id,
            archivedAt: null,
            archivedBy: null,
            isSample: false,
          }),
        );
        await this.writeImages(m, meeting.id, imageIds, own);
        if (lines.length) await this.attendance.write(m, meeting.id, lines);
        await this.audit.record(
          { actorId: user.id, action: 'meeting.create', entityType: 'meeting', entityId: meeting.id, after: { orgId, kind: meeting.kind, topic: meeting.topic, fromActivityId, attendees: lines.length } },
          m,
        );
        return meeting.id;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('MEETING_ACTIVITY_INVALID', ALREADY_RECORDED);
      throw err;
    }
    return this.query.detail(user, id);
  }

  /** Edits a DRAFT (fromActivityId is kept as it was). */
  async update(user: AuthUser, id: number, dto: MeetingInputDto): Promise<MeetingDetail> {
    const times = checkTimes(dto);
    const imageIds = uniqueIds(dto.imageIds);
    await this.tx.run(async (m) => {
      const meeting = await this.draftFor(m, user, id);
      const attached = await this.query.imageIdsOf(id);
      await this.images.requireAttachable(user, imageIds, attached);
      const before = auditView(meeting, [], attached);
      Object.assign(meeting, fields(dto, times));
      await m.getRepository(MeetingEntity).save(meeting);
      await this.writeImages(m, id, imageIds, imageIds.filter((i) => !attached.includes(i)));
      await this.audit.record({ actorId: user.id, action: 'meeting.update', entityType: 'meeting', entityId: id, before, after: auditView(meeting, [], imageIds) }, m);
    });
    return this.query.detail(user, id);
  }

  /** Replaces a DRAFT's attendance list. */
  async setAttendees(user: AuthUser, id: number, attendees: AttendeeInput[]): Promise<MeetingDetail> {
    await this.tx.run(async (m) => {
      const meeting = await this.draftFor(m, user, id);
      const lines = await this.attendance.resolve(meeting.orgId, attendees, await this.query.attendeesOf(id));
      await this.attendance.write(m, id, lines);
      await this.audit.record({ actorId: user.id, action: 'meeting.attendees', entityType: 'meeting', entityId: id, after: counts(lines) }, m);
    });
    return this.query.detail(user, id);
  }

  /** DRAFT → ARCHIVED, once it has a topic and at least one person on its list; read-only from then on. */
  async archive(user: AuthUser, id: number): Promise<MeetingDetail> {
    await this.tx.run(async (m) => {
      const meeting = await this.draftFor(m, user, id);
      const missing = [];
      if (!meeting.topic.trim()) missing.push({ field: 'topic', message: '请填写会议主题' });
      if (meeting.presentCount + meeting.leaveCount + meeting.absentCount === 0) missing.push({ field: 'attendees', message: '请至少登记一名参会人员' });
      if (missing.length) throw new AppError('MEETING_INCOMPLETE', `会议记录还不完整，不能归档：${missing.map((x) => x.message).join('；')}`, missing);
      const now = this.clock.now();
      await m.getRepository(MeetingEntity).update({ id, status: 'DRAFT' }, { status: 'ARCHIVED', archivedAt: now, archivedBy: user.id });
      await this.audit.record({ actorId: user.id, action: 'meeting.archive', entityType: 'meeting', entityId: id, after: { orgId: meeting.orgId, kind: meeting.kind, topic: meeting.topic } }, m);
    });
    return this.query.detail(user, id);
  }

  /** Deletes a DRAFT (an archived record stays). */
  async remove(user: AuthUser, id: number): Promise<void> {
    await this.tx.run(async (m) => {
      const meeting = await this.draftFor(m, user, id);
      const before = auditView(meeting, await this.query.attendeesOf(id), await this.query.imageIdsOf(id));
      await m.getRepository(MeetingEntity).delete({ id });
      await this.audit.record({ actorId: user.id, action: 'meeting.delete', entityType: 'meeting', entityId: id, before: { orgId: meeting.orgId, ...before } }, m);
    });
  }

  /** An admin corrects an archived record; the audit log keeps the record before and after, and the reason. */
  async correct(user: AuthUser, id: number, dto: CorrectMeetingDto): Promise<MeetingDetail> {
    const times = checkTimes(dto);
    const imageIds = uniqueIds(dto.imageIds);
    await this.tx.run(async (m) => {
      const meeting = await this.locked(m, id);
      if (!meeting) throw new AppError('NOT_FOUND');
      if (meeting.status !== 'ARCHIVED') throw new AppError('CONFLICT', '该记录尚未归档，请直接编辑');
      const [listed, attached] = await Promise.all([this.query.attendeesOf(id), this.query.imageIdsOf(id)]);
      await this.images.requireAttachable(user, imageIds, attached);
      const lines = dto.attendees ? await this.attendance.resolve(meeting.orgId, dto.attendees, listed) : listed;
      const before = auditView(meeting, listed, attached);
      Object.assign(meeting, fields(dto, times));
      await m.getRepository(MeetingEntity).save(meeting);
      await this.writeImages(m, id, imageIds, imageIds.filter((i) => !attached.includes(i)));
      if (dto.attendees) await this.attendance.write(m, id, lines);
      const after = auditView(meeting, lines.map((l) => ({ ...l, id: 0, meetingId: id })), imageIds);
      await this.audit.record({ actorId: user.id, action: 'meeting.correct', entityType: 'meeting', entityId: id, before, after: { ...after, reason: dto.reason } }, m);
    });
    return this.query.detail(user, id);
  }

  /** The record, locked, if the caller may record for its org (else 404) and it is still a DRAFT (else 409). */
  private async draftFor(m: EntityManager, user: AuthUser, id: number): Promise<MeetingEntity> {
    const meeting = await this.locked(m, id);
    if (!meeting || !(await this.policy.can(user, 'meeting.record', meeting.orgId))) throw new AppError('NOT_FOUND');
    if (meeting.status !== 'DRAFT') throw new AppError('MEETING_ARCHIVED');
    return meeting;
  }

  private locked(m: EntityManager, id: number): Promise<MeetingEntity | null> {
    return forUpdate(m.getRepository(MeetingEntity).createQueryBuilder('m').where('m.id = :id', { id })).getOne();
  }

  /** Replaces the photos; the caller's own new uploads become private (served through signed URLs only). */
  private async writeImages(m: EntityManager, meetingId: number, imageIds: number[], makePrivate: number[]): Promise<void> {
    const repo = m.getRepository(MeetingImageEntity);
    await repo.delete({ meetingId });
    if (imageIds.length) await repo.insert(imageIds.map((imageId, sortOrder) => ({ meetingId, imageId, sortOrder })));
    await this.images.markPrivate(m, makePrivate);
  }
}

/** Start and end as dates; the end, when given, not before the start. */
function checkTimes(dto: MeetingInputDto): { startsAt: Date; endsAt: Date | null } {
  const startsAt = new Date(dto.startsAt);
  const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
  if (endsAt && endsAt.getTime() < startsAt.getTime()) throw new AppError('VALIDATION_FAILED', '结束时间不能早于开始时间', [{ field: 'endsAt', message: '结束时间不能早于开始时间' }]);
  return { startsAt, endsAt };
}

/** The columns a MeetingInput sets (periods follow the start time). */
function fields(dto: MeetingInputDto, times: { startsAt: Date; endsAt: Date | null }): Partial<MeetingEntity> {
  return {
    kind: dto.kind,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    ...periodNumbers(times.startsAt),
    place: dto.place || null,
    online: dto.online ?? false,
    hostName: dto.hostName || null,
    recorderName: dto.recorderName || null,
    topic: dto.topic,
    agenda: dto.agenda || null,
    minutes: dto.minutes || null,
    resolutions: dto.resolutions || null,
  };
}

function uniqueIds(ids: string[] | undefined): number[] {
  return [...new Set((ids ?? []).map(Number))];
}

function counts(lines: AttendanceLine[]): Record<string, number> {
  return { present: lines.filter((l) => l.status === 'PRESENT').length, leave: lines.filter((l) => l.status === 'LEAVE').length, absent: lines.filter((l) => l.status === 'ABSENT').length };
}
