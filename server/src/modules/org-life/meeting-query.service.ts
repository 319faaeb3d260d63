import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeetingActivityItem, MeetingDetail, MeetingSummary, MyMeetingItem, Page } from '@torch-red/shared';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { keysetPage, type KeysetQuery } from '../../database/keyset';
import { toSqlDateTime } from '../../database/sql-time';
import { AccessPolicy } from '../access/access-policy.service';
import { ActivityDirectory } from '../activity/activity-directory.service';
import { ImageService } from '../media/image.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { MeetingListQueryDto } from './dto/org-life.dto';
import { chinaMonth } from './meeting-period';
import { toMeetingDetail, toMeetingSummary } from './meeting.mapper';
import { MeetingAttendeeEntity, MeetingEntity, MeetingImageEntity } from './meeting.entity';

const NEWEST_FIRST = { key: 'm.startsAt', id: 'm.id', direction: 'DESC' } as const;
const keyOf = (m: MeetingEntity) => toSqlDateTime(m.startsAt);
/** Ended activities offered for a new record: the latest ones. */
const ACTIVITY_CHOICES = 50;

/** The read side of 组织生活 records: one record, an organisation's list, 我的组织生活, activities to record. */
@Injectable()
export class MeetingQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly orgs: OrgDirectory,
    private readonly images: ImageService,
    private readonly activities: ActivityDirectory,
  ) {}

  /** A record for someone who may read it (meeting.read); anyone else gets 404 exactly like a missing id. */
  async detail(user: AuthUser, id: number): Promise<MeetingDetail> {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOneBy({ id });
    if (!meeting) throw new AppError('NOT_FOUND');
    const attendees = await this.attendeesOf(meeting.id);
    const facts = { orgId: meeting.orgId, archived: meeting.status === 'ARCHIVED', attendeeIds: attendees.map((a) => a.userId) };
    if (!(await this.policy.canOnMeeting(user, 'meeting.read', facts))) throw new AppError('NOT_FOUND');
    const draft = meeting.status === 'DRAFT';
    const [org, images, canRecord] = await Promise.all([this.orgs.org(meeting.orgId), this.imagesOf(meeting.id), draft ? this.policy.can(user, 'meeting.record', meeting.orgId) : false]);
    return toMeetingDetail(meeting, { orgName: org?.name ?? '', attendees, images, canEdit: draft && canRecord, canCorrect: !draft && user.isAdmin });
  }

  /** An organisation's records (drafts too) for those who oversee it; newest first, a page at a time. */
  async list(user: AuthUser, orgId: number, q: MeetingListQueryDto): Promise<Page<MeetingSummary>> {
    await this.policy.require(user, 'meeting.oversee', orgId);
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m').where('m.orgId = :orgId', { orgId });
    if (q.year) qb.andWhere('m.periodYear = :year', { year: q.year });
    if (q.kind) qb.andWhere('m.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    const { rows, nextCursor } = await keysetPage(qb, NEWEST_FIRST, q, keyOf);
    return { items: await this.summaries(rows), nextCursor };
  }

  /** 我的组织生活: archived records of my organisation, and those I was counted in elsewhere; newest first. */
  async mine(user: AuthUser, page: KeysetQuery): Promise<Page<MyMeetingItem>> {
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m').where("m.status = 'ARCHIVED'");
    const counted = 'EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meetingId = m.id AND ma.userId = :me)';
    if (user.orgId !== null) qb.andWhere(`(m.orgId = :myOrg OR ${counted})`, { myOrg: user.orgId, me: user.id });
    else qb.andWhere(counted, { me: user.id });
    const { rows, nextCursor } = await keysetPage(qb, NEWEST_FIRST, page, keyOf);
    const mine = rows.length
      ? await this.dataSource.getRepository(MeetingAttendeeEntity).find({ select: { meetingId: true, status: true }, where: { userId: user.id, meetingId: In(rows.map((r) => r.id)) } })
      : [];
    const statusOf = new Map(mine.map((a) => [a.meetingId, a.status]));
    const summaries = await this.summaries(rows);
    return { items: summaries.map((s, i) => ({ ...s, myStatus: statusOf.get(rows[i].id) ?? null })), nextCursor };
  }

  /** Ended activities of the organisation that no record was made from yet (the secretary picks one to record). */
  async activityChoices(user: AuthUser, orgId: number): Promise<MeetingActivityItem[]> {
    await this.policy.require(user, 'meeting.record', orgId);
    const used = await this.dataSource.getRepository(MeetingEntity).find({ select: { id: true, fromActivityId: true }, where: { orgId, fromActivityId: Not(IsNull()) } });
    const ended = await this.activities.endedOf(orgId, this.clock.now(), used.map((m) => m.fromActivityId!), ACTIVITY_CHOICES);
    return ended.map((a) => ({ id: String(a.id), title: a.title, startsAt: a.startAt.toISOString(), checkedInCount: a.checkedInCount }));
  }

  /** Every archived record of an organisation in a China-time year, oldest first (the record book). */
  async archivedOfYear(orgId: number, year: number): Promise<MeetingEntity[]> {
    return this.dataSource.getRepository(MeetingEntity).find({ where: { orgId, status: 'ARCHIVED', periodYear: year }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async summaries(rows: MeetingEntity[]): Promise<MeetingSummary[]> {
    const names = await this.orgs.orgs(rows.map((r) => r.orgId));
    return rows.map((m) => toMeetingSummary(m, names.get(m.orgId)?.name ?? ''));
  }

  async attendeesOf(meetingId: number): Promise<MeetingAttendeeEntity[]> {
    return this.dataSource.getRepository(MeetingAttendeeEntity).find({ where: { meetingId }, order: { id: 'ASC' } });
  }

  /** Attendance lists of many records at once, by record. */
  async attendeesOfMany(meetingIds: number[]): Promise<Map<number, MeetingAttendeeEntity[]>> {
    const result = new Map<number, MeetingAttendeeEntity[]>(meetingIds.map((id) => [id, []]));
    if (meetingIds.length === 0) return result;
    const rows = await this.dataSource.getRepository(MeetingAttendeeEntity).find({ where: { meetingId: In(meetingIds) }, order: { id: 'ASC' } });
    for (const row of rows) result.get(row.meetingId)!.push(row);
    return result;
  }

  async imageIdsOf(meetingId: number): Promise<number[]> {
    const rows = await this.dataSource.getRepository(MeetingImageEntity).find({ where: { meetingId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map((r) => r.imageId);
  }

  private async imagesOf(meetingId: number) {
    const ids = await this.imageIdsOf(meetingId);
    const found = await this.images.byIds(ids);
    const now = this.clock.now();
    return ids.map((id) => found.get(id)).filter((i) => i !== undefined).map((i) => this.images.respond(i, now));
  }
}

/** The current China-time year, or the one asked for. */
export function yearOrCurrent(year: number | undefined, now: Date): number {
  return year ?? chinaMonth(now).year;
}
