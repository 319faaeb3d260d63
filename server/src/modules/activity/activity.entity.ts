import type { ActivityStatus, ActivityType, ActivityVisibility, FormField } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('activities')
@Index(['status', 'startAt'])
@Index('IDX_activities_status_id', ['status', 'id'])
export class ActivityEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  type: ActivityType;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @DateTimeColumn()
  startAt: Date;

  @DateTimeColumn()
  endAt: Date;

  @DateTimeColumn({ nullable: true })
  signupStartAt: Date | null;

  @DateTimeColumn()
  signupEndAt: Date;

  /** null = unlimited. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @BoolColumn()
  waitlist: boolean;

  @BoolColumn()
  requiresApproval: boolean;

  @DateTimeColumn({ nullable: true })
  cancelDeadline: Date | null;

  @Column({ type: 'simple-json' })
  formFields: FormField[];

  /** Who may see and sign up (shared ACTIVITY_VISIBILITIES); rows from before it existed are PUBLIC. */
  @Column({ type: 'varchar', length: 16, default: 'PUBLIC' })
  visibility: ActivityVisibility;

  @Column({ type: 'varchar', length: 16 })
  status: ActivityStatus;

  @DateTimeColumn({ nullable: true })
  publishedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  /** Seats taken, changed only by conditional UPDATEs so capacity holds across processes. */
  @Column({ type: 'int', default: 0 })
  confirmedCount: number;

  /** Set by whichever process claims the "starts in 1 hour" reminder, so it goes out once. */
  @DateTimeColumn({ nullable: true })
  reminderSentAt: Date | null;

  @Column({ type: 'int' })
  createdBy: number;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
