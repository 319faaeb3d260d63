import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

/** Username/password credentials for the admin API; the person behind it is a user with an ADMIN grant. */
@Entity('admin_accounts')
export class AdminAccountEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Index({ unique: true })
  @Column({ type: 'int' })
  userId: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
