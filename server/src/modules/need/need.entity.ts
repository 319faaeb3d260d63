import type { NeedCategory, NeedStatus, NeedUrgency } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/** One row of the needs ledger (需求+问题台账) of an industry committee. */
@Entity('needs')
@Index(['committeeOrgId', 'status'])
@Index(['status', 'lastActivityAt'])
export class NeedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  enterpriseId: number;

  @Index()
  @Column({ type: 'int' })
  chainId: number;

  @Column({ type: 'int' })
  committeeOrgId: number;

  @Index()
  @Column({ type: 'int' })
  raisedBy: number;

  @Column({ type: 'varchar', length: 32 })
  category: NeedCategory;

  @Column({ type: 'varchar', length: 16 })
  urgency: NeedUrgency;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'simple-json' })
  imageIds: number[];

  @Column({ type: 'varchar', length: 16 })
  status: NeedStatus;

  /** Bumped by every change; state changes are conditional on it (optimistic concurrency). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  appealId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  visitId: number | null;

  @Column({ type: 'int', nullable: true })
  mergedIntoId: number | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @DateTimeColumn({ nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  ratingComment: string | null;

  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  /** The last step a person took; the stale-need escalation counts from here. */
  @DateTimeColumn()
  lastActivityAt: Date;

  @DateTimeColumn({ nullable: true })
  escalatedAt: Date | null;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
