import type { AssignmentStatus } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/** A need dispatched to one functional department, with its deadline (派单 → 接单 → 办结). */
@Entity('need_assignments')
@Index(['status', 'deadline'])
export class NeedAssignmentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  needId: number;

  @Index()
  @Column({ type: 'int' })
  departmentId: number;

  @DateTimeColumn()
  deadline: Date;

  @Column({ type: 'varchar', length: 16 })
  status: AssignmentStatus;

  @Column({ type: 'int' })
  assignedBy: number;

  @Column({ type: 'int', nullable: true })
  acceptedBy: number | null;

  @DateTimeColumn({ nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  returnReason: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'int', nullable: true })
  resolvedBy: number | null;

  @DateTimeColumn({ nullable: true })
  resolvedAt: Date | null;

  /** Set once by the job that sends the "deadline soon" reminder (the claim). */
  @DateTimeColumn({ nullable: true })
  reminderSentAt: Date | null;

  /** Set once by the job that flags the assignment overdue and escalates it. */
  @DateTimeColumn({ nullable: true })
  overdueAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
