import type { ContentStatus, LessonBlock, LessonKind } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('study_columns')
export class StudyColumnEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'varchar', length: 16 })
  status: ContentStatus;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

@Entity('study_lessons')
@Index(['columnId', 'status', 'sortOrder'])
export class LessonEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  columnId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LessonKind;

  @Column({ type: 'varchar', length: 300 })
  summary: string;

  /** Safe blocks, never HTML. */
  @Column({ type: 'simple-json' })
  blocks: LessonBlock[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'varchar', length: 16 })
  status: ContentStatus;

  @DateTimeColumn({ nullable: true })
  publishedAt: Date | null;

  @BoolColumn()
  isSample: boolean;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
