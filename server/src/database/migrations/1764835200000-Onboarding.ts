import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

/**
 * A request someone decides on (join, representation): its state, the unique key that allows one pending request
 * per person and object (NULL once decided), the reason given, who decided and when.
 */
function decisionColumns(qr: QueryRunner): TableColumnOptions[] {
  return [
    col.varchar('status', 16),
    col.varchar('pendingKey', 40, true),
    col.varchar('reason', 500, true),
    col.int('decidedBy', true),
    col.datetime('decidedAt', true),
    col.createdAt(qr),
    col.updatedAt(qr),
  ];
}

/**
 * Binding WeChat accounts to roster people, join codes and join requests, enterprise representation
 * requests. Every step checks what already exists, so an interrupted run completes on the next start.
 */
export class Onboarding1764835200000 implements MigrationInterface {
  name = 'Onboarding1764835200000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    // A roster row that a WeChat account took over points at that account (its history stays readable).
    await steps.ensureColumn('users', col.int('mergedIntoId', true));
    await steps.ensureTable({
      name: 'binding_codes',
      columns: [
        col.id(),
        col.int('userId'),
        col.varchar('codeHash', 64),
        col.datetime('expiresAt'),
        col.datetime('usedAt', true),
        col.int('usedBy', true),
        col.int('issuedBy', true),
        col.createdAt(qr),
      ],
      indices: [
        { name: 'UQ_binding_codes_hash', columnNames: ['codeHash'], isUnique: true },
        { name: 'IDX_binding_codes_user', columnNames: ['userId'] },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE'), fk('issuedBy', 'users', 'SET NULL'), fk('usedBy', 'users', 'SET NULL')],
    });
    await steps.ensureTable({
      name: 'join_codes',
      columns: [col.id(), col.int('orgId'), col.varchar('code', 16), col.int('createdBy', true), col.datetime('revokedAt', true), col.createdAt(qr)],
      indices: [
        { name: 'UQ_join_codes_code', columnNames: ['code'], isUnique: true },
        { name: 'IDX_join_codes_org', columnNames: ['orgId'] },
      ],
      foreignKeys: [fk('orgId', 'orgs', 'CASCADE'), fk('createdBy', 'users', 'SET NULL')],
    });
    await steps.ensureTable({
      name: 'join_requests',
      columns: [
        col.id(),
        col.int('userId'),
        col.int('orgId'),
        col.int('joinCodeId', true),
        col.varchar('name', 100),
        col.varchar('politicalStatus', 32),
        col.int('enterpriseId', true),
        ...decisionColumns(qr),
      ],
      indices: [
        { name: 'UQ_join_requests_pending', columnNames: ['pendingKey'], isUnique: true },
        { name: 'IDX_join_requests_user', columnNames: ['userId'] },
        { name: 'IDX_join_requests_org_status', columnNames: ['orgId', 'status'] },
      ],
      foreignKeys: [
        fk('userId', 'users', 'CASCADE'),
        fk('orgId', 'orgs', 'CASCADE'),
        fk('enterpriseId', 'enterprises', 'SET NULL'),
        fk('joinCodeId', 'join_codes', 'SET NULL'),
        fk('decidedBy', 'users', 'SET NULL'),
      ],
    });
    await steps.ensureTable({
      name: 'representation_requests',
      columns: [
        col.id(),
        col.int('userId'),
        col.int('enterpriseId'),
        col.varchar('kind', 16),
        ...decisionColumns(qr),
      ],
      indices: [
        { name: 'UQ_representation_requests_pending', columnNames: ['pendingKey'], isUnique: true },
        { name: 'IDX_representation_requests_user', columnNames: ['userId'] },
        { name: 'IDX_representation_requests_enterprise_status', columnNames: ['enterpriseId', 'status'] },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE'), fk('enterpriseId', 'enterprises', 'CASCADE'), fk('decidedBy', 'users', 'SET NULL')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.dropTableIfExists('representation_requests');
    await steps.dropTableIfExists('join_requests');
    await steps.dropTableIfExists('join_codes');
    await steps.dropTableIfExists('binding_codes');
    await steps.dropColumnIfExists('users', 'mergedIntoId');
  }
}
