import type { PointRule, StudyFlagKind } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn } from '../../database/columns';

export type FlagDetail = Record<string, string | number | null>;

/** Append-only: one line per award. The unique key makes every source count once. */
@Entity('study_points_ledger')
@Index(['userId', 'rule', 'sourceKey'], { unique: true })
@Index(['userId', 'id'])
export class PointsLedgerEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  rule: PointRule;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'varchar', length: 100 })
  sourceKey: string;

  @Column({ type: 'varchar', length: 10 })
  day: string;

  @CreatedAtColumn()
  createdAt: Date;
}

/** Points per person per day per rule: the row a cap is enforced on (conditional UPDATE). */
@Entity('study_rule_days')
export class RuleDayEntity {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  rule: PointRule;

  @Column({ type: 'int', default: 0 })
  points: number;
}

/** Per person per day: the sign-in, points and credited seconds. */
@Entity('study_user_days')
@Index(['day', 'points'])
export class UserDayEntity {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @DateTimeColumn({ nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'int', default: 0 })
  points: number;

  @Column({ type: 'int', default: 0 })
  studySeconds: number;
}

/** Per person per week (Monday's date); org and opt-in copied in so boards need no joins. */
@Entity('study_user_weeks')
@Index(['week', 'optIn', 'points', 'userId'])
@Index(['week', 'orgId'])
export class UserWeekEntity {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  week: string;

  @Column({ type: 'int', nullable: true })
  orgId: number | null;

  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;

  @BoolColumn()
  optIn: boolean;

  @Column({ type: 'int', default: 0 })
  points: number;

  @Column({ type: 'int', default: 0 })
  studySeconds: number;
}

/** Per person: lifetime total and the leaderboard opt-in. */
@Entity('study_user_totals')
@Index(['optIn', 'points', 'userId'])
export class UserTotalEntity {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @BoolColumn()
  optIn: boolean;

  @Column({ type: 'int', default: 0 })
  points: number;
}

@Entity('study_flags')
@Index(['kind', 'id'])
export class StudyFlagEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: StudyFlagKind;

  @Column({ type: 'simple-json' })
  detail: FlagDetail;

  /** One flag per event (e.g. per session and kind), however often the client repeats it. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  dedupeKey: string;

  @CreatedAtColumn()
  createdAt: Date;
}
