import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../database/columns';

export type SessionEndReason = 'ENDED' | 'REPLACED';

/** One reading of one lesson, timed by the server. */
@Entity('study_sessions')
@Index(['userId', 'id'])
export class StudySessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  lessonId: number;

  /** The userId while the session is open, NULL once ended: a unique key allows one open session per person. */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  activeKey: number | null;

  @DateTimeColumn()
  startedAt: Date;

  @DateTimeColumn()
  lastBeatAt: Date;

  @Column({ type: 'int', default: 0 })
  creditedSeconds: number;

  @DateTimeColumn({ nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  endReason: SessionEndReason | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** What the server has credited one person on one lesson; completedAt = 已学. */
@Entity('study_lesson_progress')
@Index(['userId', 'lessonId'], { unique: true })
export class LessonProgressEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  lessonId: number;

  @Column({ type: 'int', default: 0 })
  creditedSeconds: number;

  @DateTimeColumn({ nullable: true })
  completedAt: Date | null;
}
