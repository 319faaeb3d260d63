import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../database/columns';

@Entity('brand_likes')
@Index(['brandId', 'userId'], { unique: true })
export class BrandLikeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  brandId: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @CreatedAtColumn()
  createdAt: Date;
}
