import type { MeetingKind, MeetingPeriodUnit } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

/** An admin's override of one kind's default rule (DEFAULT_MEETING_RULES) for one organisation. */
@Entity('meeting_rules')
@Index('UQ_meeting_rules_org_kind', ['orgId', 'kind'], { unique: true })
export class MeetingRuleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: MeetingKind;

  @Column({ type: 'varchar', length: 16 })
  unit: MeetingPeriodUnit;

  @BoolColumn()
  required: boolean;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/**
 * A "still missing" reminder that went out for (org, kind, period). The unique key is what makes it go out
 * once: every process inserts-or-ignores the row, and only the one whose insert landed sends the message.
 */
@Entity('meeting_reminders')
@Index('UQ_meeting_reminders_key', ['orgId', 'kind', 'period'], { unique: true })
export class MeetingReminderEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: MeetingKind;

  /** `2026-03`, `2026-Q1` or `2026`. */
  @Column({ type: 'varchar', length: 8 })
  period: string;

  @CreatedAtColumn()
  createdAt: Date;
}
