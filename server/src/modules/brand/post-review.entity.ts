import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../database/columns';

/** A periodic review of a pioneer post (date, reviewer, note). */
@Entity('post_reviews')
export class PostReviewEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  postId: number;

  /** A calendar date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  reviewedOn: string;

  @Column({ type: 'int' })
  reviewerId: number;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @CreatedAtColumn()
  createdAt: Date;
}
