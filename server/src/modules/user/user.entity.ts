import type { PartyPost, PoliticalStatus } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../database/columns';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat openid (or a dev-login id); null for people created by admins who never signed in. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 128, nullable: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** AES-256-GCM ciphertext of the phone number (see DataCipher). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  phoneEnc: string | null;

  /** Keyed hash of the phone number for exact lookups without decrypting; one person per number. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  orgId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  politicalStatus: PoliticalStatus | null;

  /** 党内职务 as the roster records it; the role it implies is granted separately (see roleForPartyPost). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  partyPost: PartyPost | null;

  /** 入党日期, YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  partyJoinedAt: string | null;

  /** Marked as left (离开 / 转出): membership ended then, from `leftOrgId`; the person's history stays. */
  @DateTimeColumn({ nullable: true })
  leftAt: Date | null;

  @Column({ type: 'int', nullable: true })
  leftOrgId: number | null;

  @BoolColumn()
  isSample: boolean;

  /**
   * Session generation: every access token carries the value it was issued with, and the guard refuses a
   * token whose value differs. Bumping it ends all of the person's sessions, in every process at once.
   */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /** Set by an admin: the person cannot sign in and every request with an existing token is refused. */
  @DateTimeColumn({ nullable: true })
  disabledAt: Date | null;

  /** Set on a roster row when a WeChat account proved to be this person and took over its facts (see onboarding). */
  @Column({ type: 'int', nullable: true })
  mergedIntoId: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
