import type { OrgType } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('orgs')
export class OrgEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  type: OrgType;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @BoolColumn()
  isSample: boolean;

  /** Set when an admin closed the org: out of the tree and every picker, its history kept. */
  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
