import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../database/columns';

/** An uploaded image, re-encoded (metadata stripped) into a display size and a thumbnail. */
@Entity('images')
export class ImageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  ownerId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  thumbKey: string;

  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'int' })
  bytes: number;

  @CreatedAtColumn()
  createdAt: Date;
}
