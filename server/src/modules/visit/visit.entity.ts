import type { NeedCategory } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn } from '../../database/columns';

export interface VisitProblem {
  title: string;
  description: string;
  category: NeedCategory;
  needId: number | null;
}

/** A Party-building instructor's visit (走访) to an enterprise. */
@Entity('visits')
@Index(['enterpriseId', 'visitedOn'])
export class VisitEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  instructorId: number;

  @Column({ type: 'int' })
  enterpriseId: number;

  /** China date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  visitedOn: string;

  @Column({ type: 'varchar', length: 500 })
  peopleMet: string;

  @Column({ type: 'text' })
  discussed: string;

  @Column({ type: 'simple-json' })
  problems: VisitProblem[];

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;
}

/** Which enterprises an instructor looks after (assigned by admins). */
@Entity('instructor_enterprises')
@Index(['instructorId', 'enterpriseId'], { unique: true })
export class InstructorEnterpriseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  instructorId: number;

  @Index()
  @Column({ type: 'int' })
  enterpriseId: number;

  @Column({ type: 'int', nullable: true })
  assignedBy: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
