import type { Role } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../database/columns';

@Entity('role_grants')
@Index(['userId', 'role', 'scopeKey'], { unique: true })
export class RoleGrantEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Index()
  @Column({ type: 'int', nullable: true })
  orgId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  /** 'org:5', 'dept:3' or '-': lets a unique key cover scoped and unscoped grants alike (NULLs never collide). */
  @Column({ type: 'varchar', length: 40 })
  scopeKey: string;

  @Column({ type: 'int', nullable: true })
  grantedBy: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
