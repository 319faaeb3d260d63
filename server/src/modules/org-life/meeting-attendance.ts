import { Injectable } from '@nestjs/common';
import type { AttendeeInput, FieldError, MeetingAttendanceStatus } from '@torch-red/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { bulkWrite } from '../../database/bulk-write';
import type { ActivityAttendance } from '../activity/activity-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { MeetingAttendeeEntity, MeetingEntity } from './meeting.entity';

/** One line of an attendance list as it is stored. */
export interface AttendanceLine {
  userId: number;
  name: string;
  status: MeetingAttendanceStatus;
  reason: string | null;
}

/**
 * Who was at a meeting: lists checked against the organisation's members, lists taken from an ended activity,
 * and writing a list together with the record's counts.
 */
@Injectable()
export class MeetingAttendance {
  constructor(private readonly people: PeopleDirectory) {}

  /**
   * A list as the secretary (or an admin) entered it. Everyone must be a member of the organisation — or already
   * on the record's list (a person who has left since stays correctable). 请假 needs a reason; nobody twice.
   */
  async resolve(orgId: number, input: AttendeeInput[], listed: AttendanceLine[]): Promise<AttendanceLine[]> {
    const invalid: FieldError[] = [];
    const seen = new Set<string>();
    input.forEach((a, i) => {
      if (seen.has(a.userId)) invalid.push({ field: `attendees.${i}.userId`, message: '同一人员重复登记' });
      seen.add(a.userId);
      if (a.status === 'LEAVE' && !a.reason?.trim()) invalid.push({ field: `attendees.${i}.reason`, message: '请假须填写原因' });
    });
    if (invalid.length) throw new AppError('VALIDATION_FAILED', invalid[0].message, invalid);
    const names = new Map((await this.people.membersOf(orgId)).map((p) => [p.id, p.name]));
    for (const line of listed) if (!names.has(line.userId)) names.set(line.userId, line.name);
    const strangers = input.map((a, i) => ({ a, i })).filter(({ a }) => !names.has(Number(a.userId)));
    if (strangers.length) {
      throw new AppError('MEETING_ATTENDEE_INVALID', undefined, strangers.map(({ i }) => ({ field: `attendees.${i}.userId`, message: '该人员不是本组织成员' })));
    }
    return input.map((a) => ({ userId: Number(a.userId), name: names.get(Number(a.userId))!, status: a.status, reason: a.status === 'LEAVE' ? a.reason!.trim() : null }));
  }

  /** The list an ended activity gives: checked in → 出席, 请假 → 请假 with its reason, every other member → 缺席. */
  async fromActivity(orgId: number, activity: ActivityAttendance): Promise<AttendanceLine[]> {
    const byUser = new Map(activity.registrations.map((r) => [r.userId, r]));
    return (await this.people.membersOf(orgId)).map((p) => {
      const r = byUser.get(p.id);
      if (r?.attendance === 'CHECKED_IN') return { userId: p.id, name: p.name, status: 'PRESENT', reason: null };
      if (r?.attendance === 'LEAVE') return { userId: p.id, name: p.name, status: 'LEAVE', reason: r.leaveReason?.trim() || '已请假' };
      return { userId: p.id, name: p.name, status: 'ABSENT', reason: null };
    });
  }

  /** Replaces the record's list and its counts, inside the caller's transaction. */
  async write(m: EntityManager, meetingId: number, lines: AttendanceLine[]): Promise<void> {
    await m.getRepository(MeetingAttendeeEntity).delete({ meetingId });
    await bulkWrite(
      m,
      'meeting_attendees',
      ['meetingId', 'userId', 'name', 'status', 'reason'],
      lines.map((l) => [meetingId, l.userId, l.name, l.status, l.reason]),
    );
    const count = (status: MeetingAttendanceStatus) => lines.filter((l) => l.status === status).length;
    await m.getRepository(MeetingEntity).update({ id: meetingId }, { presentCount: count('PRESENT'), leaveCount: count('LEAVE'), absentCount: count('ABSENT') });
  }
}
