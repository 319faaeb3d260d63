import type { MeetingAttendanceStatus, MeetingKind, MeetingStatus } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/**
 * One 组织生活 record (三会一课, 主题党日, 组织生活会, 民主评议党员) of an organisation. Filed under its China-time
 * month, quarter and year (meeting-period.ts) when saved, so compliance groups by plain integer columns.
 */
@Entity('meetings')
@Index('IDX_meetings_org_start', ['orgId', 'startsAt'])
@Index('IDX_meetings_compliance', ['status', 'periodYear', 'orgId', 'kind', 'periodMonth', 'startsAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: MeetingKind;

  @Column({ type: 'varchar', length: 16 })
  status: MeetingStatus;

  @DateTimeColumn()
  startsAt: Date;

  @DateTimeColumn({ nullable: true })
  endsAt: Date | null;

  /** 202603: the China-time month of startsAt. */
  @Column({ type: 'int' })
  periodMonth: number;

  /** 20261: the China-time quarter of startsAt. */
  @Column({ type: 'int' })
  periodQuarter: number;

  @Column({ type: 'int' })
  periodYear: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  @BoolColumn()
  online: boolean;

  @Column({ type: 'varchar', length: 50, nullable: true })
  hostName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  recorderName: string | null;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'text', nullable: true })
  agenda: string | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ type: 'text', nullable: true })
  resolutions: string | null;

  /** The activity the record was made from (at most one record per activity). */
  @Index('UQ_meetings_activity', { unique: true })
  @Column({ type: 'int', nullable: true })
  fromActivityId: number | null;

  /** Counts of the attendee rows, rewritten with them in one transaction. */
  @Column({ type: 'int', default: 0 })
  presentCount: number;

  @Column({ type: 'int', default: 0 })
  leaveCount: number;

  @Column({ type: 'int', default: 0 })
  absentCount: number;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @DateTimeColumn({ nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  archivedBy: number | null;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/** One person on a record's attendance list; the name is kept as it was at the meeting. */
@Entity('meeting_attendees')
@Index('UQ_meeting_attendees_person', ['meetingId', 'userId'], { unique: true })
@Index('IDX_meeting_attendees_user', ['userId', 'meetingId'])
export class MeetingAttendeeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  meetingId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: MeetingAttendanceStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;
}

/** A photo of the meeting (an uploaded image, see media), in display order. */
@Entity('meeting_images')
@Index('UQ_meeting_images_image', ['meetingId', 'imageId'], { unique: true })
export class MeetingImageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  meetingId: number;

  @Index('IDX_meeting_images_imageId')
  @Column({ type: 'int' })
  imageId: number;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
