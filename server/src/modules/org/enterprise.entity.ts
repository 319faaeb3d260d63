import type { ChainRole } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  chainId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  chainRole: ChainRole | null;

  @Column({ type: 'simple-json' })
  honours: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
