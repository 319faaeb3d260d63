import type { AttendanceStatus, FormAnswers, RegistrationStatus } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('registrations')
@Index(['activityId', 'userId'], { unique: true })
@Index(['activityId', 'status', 'queuedAt'])
export class RegistrationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  activityId: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ type: 'simple-json' })
  answers: FormAnswers;

  /** Place in line: the waitlist is ordered by this (then id); signing up again after cancelling goes to the back. */
  @DateTimeColumn()
  queuedAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'NONE' })
  attendance: AttendanceStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  leaveReason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @DateTimeColumn({ nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'int', nullable: true })
  reviewedBy: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
