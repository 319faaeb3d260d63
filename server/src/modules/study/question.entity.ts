import type { ContentStatus, PaperMode, QuestionType } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('study_questions')
@Index(['enabled', 'id'])
export class QuestionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'varchar', length: 500 })
  stem: string;

  @Column({ type: 'simple-json' })
  options: string[];

  /** Sorted option indexes. Never leaves the server before the person has submitted. */
  @Column({ type: 'simple-json' })
  answer: number[];

  @Column({ type: 'text' })
  explanation: string;

  @BoolColumn({ default: true })
  enabled: boolean;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

export interface StoredAnswer {
  questionId: number;
  choice: number[];
  correct: boolean;
}

/** One per person per China day (unique key): the daily quiz can be taken once. */
@Entity('study_daily_quizzes')
@Index(['userId', 'day'], { unique: true })
export class DailyQuizEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'simple-json' })
  questionIds: number[];

  @DateTimeColumn()
  issuedAt: Date;

  @DateTimeColumn({ nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  correctCount: number | null;

  @Column({ type: 'simple-json', nullable: true })
  answers: StoredAnswer[] | null;

  @Column({ type: 'int', default: 0 })
  pointsAwarded: number;

  @BoolColumn()
  flagged: boolean;
}

@Entity('study_papers')
export class PaperEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  mode: PaperMode;

  @Column({ type: 'simple-json' })
  questionIds: number[];

  @Column({ type: 'int', default: 0 })
  drawCount: number;

  @Column({ type: 'int' })
  timeLimitMinutes: number;

  @Column({ type: 'int' })
  passScore: number;

  @Column({ type: 'int' })
  maxAttempts: number;

  @Column({ type: 'varchar', length: 16 })
  status: ContentStatus;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

@Entity('study_paper_attempts')
@Index(['paperId', 'userId', 'attemptNo'], { unique: true })
export class PaperAttemptEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  paperId: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  attemptNo: number;

  @Column({ type: 'simple-json' })
  questionIds: number[];

  @DateTimeColumn()
  startedAt: Date;

  @DateTimeColumn()
  deadlineAt: Date;

  @DateTimeColumn({ nullable: true })
  submittedAt: Date | null;

  /** Percent correct; null until submitted in time. */
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @BoolColumn()
  passed: boolean;

  @BoolColumn()
  expired: boolean;

  @Column({ type: 'simple-json', nullable: true })
  answers: StoredAnswer[] | null;

  @Column({ type: 'int', default: 0 })
  pointsAwarded: number;

  @BoolColumn()
  flagged: boolean;
}
