import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('chains')
export class ChainEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  industry: string;

  @Index()
  @Column({ type: 'int' })
  committeeOrgId: number;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @BoolColumn()
  isSample: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
