import type { PostContent, PostKind } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

/** 党员先锋岗 / 党员责任区 of an organisation; published together with the organisation's brand. */
@Entity('pioneer_posts')
export class PioneerPostEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: PostKind;

  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;

  @Column({ type: 'varchar', length: 60 })
  workshop: string;

  @Column({ type: 'varchar', length: 500 })
  commitment: string;

  @Column({ type: 'simple-json' })
  holderIds: number[];

  /** The approved version members see (holderIds as strings, as in the API). */
  @Column({ type: 'simple-json', nullable: true })
  published: PostContent | null;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
