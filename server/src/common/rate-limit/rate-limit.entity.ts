import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns';

/** Fixed-window counters shared by every server process (no in-memory state). */
@Entity('rate_limits')
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  key: string;

  @Column({ type: 'int', default: 0 })
  hits: number;

  @Index()
  @DateTimeColumn()
  expiresAt: Date;
}
