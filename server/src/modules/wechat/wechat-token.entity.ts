import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns';

/** WeChat's access_token, shared by every server process so they do not invalidate each other's. */
@Entity('wechat_tokens')
export class WechatTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** Encrypted with the data key. */
  @Column({ type: 'varchar', length: 1000 })
  value: string;

  @DateTimeColumn()
  expiresAt: Date;
}
