import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

export type OutboxStatus = 'PENDING' | 'SENT' | 'SKIPPED' | 'FAILED';

/**
 * WeChat subscribe messages waiting to go out. Written in the same transaction as the change that
 * caused them; a worker in any server process claims rows with a lease (lockedUntil) and sends them.
 */
@Entity('notification_outbox')
@Index(['status', 'nextAttemptAt'])
export class OutboxEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  notificationId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 40 })
  templateKey: string;

  @Column({ type: 'simple-json' })
  data: Record<string, string>;

  @Column({ type: 'varchar', length: 300, nullable: true })
  page: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @DateTimeColumn()
  nextAttemptAt: Date;

  @DateTimeColumn({ nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
