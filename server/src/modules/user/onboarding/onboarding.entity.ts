import type { JoinRequestStatus, PoliticalStatus, RepresentationKind } from '@torch-red/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../database/columns';

/** A one-time code a secretary issued for a roster person; only its keyed hash is stored. */
@Entity('binding_codes')
export class BindingCodeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The roster person the code binds to. */
  @Index('IDX_binding_codes_user')
  @Column({ type: 'int' })
  userId: number;

  @Index('UQ_binding_codes_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  usedBy: number | null;

  @Column({ type: 'int', nullable: true })
  issuedBy: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** An organisation's join code (入组织码); at most one is live per org, older ones are revoked. */
@Entity('join_codes')
export class JoinCodeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_join_codes_org')
  @Column({ type: 'int' })
  orgId: number;

  @Index('UQ_join_codes_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** Columns shared by join and representation requests: one pending request per person (pendingKey is unique, NULL once decided). */
abstract class DecidedRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  status: JoinRequestStatus;

  @Column({ type: 'varchar', length: 40, nullable: true })
  pendingKey: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @DateTimeColumn({ nullable: true })
  decidedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

@Entity('join_requests')
export class JoinRequestEntity extends DecidedRequest {
  @Column({ type: 'int' })
  orgId: number;

  @Column({ type: 'int', nullable: true })
  joinCodeId: number | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  politicalStatus: PoliticalStatus;

  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;
}

@Entity('representation_requests')
export class RepresentationRequestEntity extends DecidedRequest {
  @Column({ type: 'int' })
  enterpriseId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: RepresentationKind;
}
