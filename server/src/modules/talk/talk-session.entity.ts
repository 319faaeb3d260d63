import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/**
 * One 企业家月月谈 session. Date, venue, seats and the registration window live in its activity,
 * so registration runs through the activity sign-up engine (seats, waitlist, approval, reminders).
 */
@Entity('talk_sessions')
export class TalkSessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  activityId: number;

  @Column({ type: 'varchar', length: 100 })
  theme: string;

  @Column({ type: 'simple-json' })
  hostDepartmentIds: number[];

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @DateTimeColumn({ nullable: true })
  minutesPublishedAt: Date | null;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
