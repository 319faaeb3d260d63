import type { NotificationKind } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../database/columns';

/** An in-app message on 我的; each may also have a WeChat subscribe message in the outbox. */
@Entity('notifications')
@Index(['userId', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @DateTimeColumn({ nullable: true })
  readAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
