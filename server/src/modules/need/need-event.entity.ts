import type { NeedEventKind } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../database/columns';

/** One step in a need's timeline: who, when, what, and a note. Append-only. */
@Entity('need_events')
export class NeedEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  needId: number;

  /** Null for steps the system took (reminders, escalations). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 16 })
  kind: NeedEventKind;

  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
