import type { AppealCategory, AppealStatus } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/** An entrepreneur's appeal (诉求) raised with a 月月谈 registration; kept for the needs ledger to take over. */
@Entity('appeals')
export class AppealEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  talkSessionId: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  registrationId: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;

  @Column({ type: 'varchar', length: 100 })
  enterpriseName: string;

  @Column({ type: 'varchar', length: 50 })
  position: string;

  @Column({ type: 'varchar', length: 32 })
  category: AppealCategory;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 16 })
  status: AppealStatus;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'int', nullable: true })
  answeredBy: number | null;

  @DateTimeColumn({ nullable: true })
  answeredAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
