import type { BrandContent, BrandStatus, StoryBlock } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

/**
 * A Party organisation's brand. The columns hold the working copy the secretary edits; `published`
 * holds the last approved version, which is what members see while a new edit waits for review.
 */
@Entity('brands')
export class BrandEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  slogan: string;

  @Column({ type: 'simple-json' })
  story: StoryBlock[];

  @Column({ type: 'int', nullable: true })
  coverImageId: number | null;

  @Column({ type: 'simple-json' })
  galleryImageIds: number[];

  @Column({ type: 'simple-json' })
  honours: string[];

  @Column({ type: 'varchar', length: 16 })
  status: BrandStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  returnReason: string | null;

  @DateTimeColumn({ nullable: true })
  submittedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  reviewedBy: number | null;

  /** Who changed the brand or its posts since it was last approved: none of them may approve it (admins aside). */
  @Column({ type: 'simple-json', nullable: true })
  editorIds: number[] | null;

  @Column({ type: 'simple-json', nullable: true })
  published: BrandContent | null;

  @DateTimeColumn({ nullable: true })
  publishedAt: Date | null;

  @BoolColumn()
  isDemoPoint: boolean;

  @Column({ type: 'int', nullable: true })
  demoPointYear: number | null;

  @Column({ type: 'int', default: 0 })
  viewCount: number;

  @Column({ type: 'int', default: 0 })
  likeCount: number;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
