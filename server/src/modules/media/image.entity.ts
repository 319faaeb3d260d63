import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn } from '../../database/columns';

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

  @Index('IDX_images_thumbKey')
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

  /**
   * Attached to a need: served only through signed, expiring URLs handed to people who may read the need.
   * Other images (brands, uploads not yet attached) have unguessable names and are served to anyone.
   */
  @BoolColumn()
  isPrivate: boolean;

  @CreatedAtColumn()
  createdAt: Date;
}
