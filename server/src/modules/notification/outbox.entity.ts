import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/**
 * PENDING: waiting (again, after a retryable failure). SENDING: claimed by one worker (lockedBy) that is
 * about to send it or is sending it. SENT / SKIPPED / FAILED: done. UNKNOWN: the send may or may not
 * have reached WeChat (timeout, or the claim ran out because its process died mid-send); WeChat does
 * not deduplicate, so such a row is never sent again (at most once).
 */
export type OutboxStatus = 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED' | 'FAILED' | 'UNKNOWN';

/**
 * WeChat subscribe messages waiting to go out. Written in the same transaction as the change that
 * caused them; a worker in any server process claims one row at a time right before sending it
 * (PENDING → SENDING with lockedBy = a claim id unique to that send, lockedUntil = the longest the send
 * can take) and records the outcome only while the claim is still its own.
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

  /** While SENDING: when the claim runs out (after that the row becomes UNKNOWN, never resent). */
  @DateTimeColumn({ nullable: true })
  lockedUntil: Date | null;

  /** The claim that is sending this row (SENDING) or that last tried it (SENT, SKIPPED, FAILED, UNKNOWN). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
