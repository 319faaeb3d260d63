import { MigrationInterface, QueryRunner } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureTable({
      name: 'enterprises',
      columns: [
        col.id(),
        col.varchar('name', 100),
        col.int('chainId', true),
        col.varchar('chainRole', 16, true),
        col.json('honours', false),
        col.text('description'),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'UQ_enterprises_name', columnNames: ['name'], isUnique: true },
        { name: 'IDX_enterprises_chain', columnNames: ['chainId'] },
      ],
    });
    await steps.ensureTable({
      name: 'orgs',
      columns: [
        col.id(),
        col.varchar('name', 100),
        col.varchar('type', 32),
        col.int('parentId', true),
        col.int('enterpriseId', true),
        col.int('sortOrder', false, 0),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'IDX_orgs_parent', columnNames: ['parentId'] },
        { name: 'IDX_orgs_enterprise', columnNames: ['enterpriseId'] },
      ],
      foreignKeys: [fk('parentId', 'orgs'), fk('enterpriseId', 'enterprises')],
    });
    await steps.ensureTable({
      name: 'chains',
      columns: [
        col.id(),
        col.varchar('name', 100),
        col.varchar('industry', 50),
        col.int('committeeOrgId'),
        col.int('sortOrder', false, 0),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'UQ_chains_name', columnNames: ['name'], isUnique: true },
        { name: 'IDX_chains_committee', columnNames: ['committeeOrgId'] },
      ],
      foreignKeys: [fk('committeeOrgId', 'orgs')],
    });
    await steps.ensureTable({
      name: 'departments',
      columns: [col.id(), col.varchar('name', 100), col.int('sortOrder', false, 0), col.createdAt(qr), col.updatedAt(qr)],
      indices: [{ name: 'UQ_departments_name', columnNames: ['name'], isUnique: true }],
    });
    await steps.ensureTable({
      name: 'users',
      columns: [
        col.id(),
        col.varchar('openid', 128, true),
        col.varchar('unionid', 128, true),
        col.varchar('name', 100),
        col.varchar('phoneEnc', 255, true),
        col.varchar('phoneHash', 64, true),
        col.int('orgId', true),
        col.int('enterpriseId', true),
        col.varchar('politicalStatus', 32, true),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'UQ_users_openid', columnNames: ['openid'], isUnique: true },
        { name: 'IDX_users_phone_hash', columnNames: ['phoneHash'] },
        { name: 'IDX_users_org', columnNames: ['orgId'] },
        { name: 'IDX_users_enterprise', columnNames: ['enterpriseId'] },
      ],
      foreignKeys: [fk('orgId', 'orgs'), fk('enterpriseId', 'enterprises')],
    });
    await steps.ensureTable({
      name: 'role_grants',
      columns: [
        col.id(),
        col.int('userId'),
        col.varchar('role', 32),
        col.int('orgId', true),
        col.int('departmentId', true),
        col.varchar('scopeKey', 40),
        col.int('grantedBy', true),
        col.createdAt(qr),
      ],
      indices: [
        { name: 'UQ_role_grants_scope', columnNames: ['userId', 'role', 'scopeKey'], isUnique: true },
        { name: 'IDX_role_grants_user', columnNames: ['userId'] },
        { name: 'IDX_role_grants_org', columnNames: ['orgId'] },
        { name: 'IDX_role_grants_department', columnNames: ['departmentId'] },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE'), fk('orgId', 'orgs', 'CASCADE'), fk('departmentId', 'departments', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'admin_accounts',
      columns: [col.id(), col.varchar('username', 64), col.varchar('passwordHash', 100), col.int('userId'), col.createdAt(qr), col.updatedAt(qr)],
      indices: [
        { name: 'UQ_admin_accounts_username', columnNames: ['username'], isUnique: true },
        { name: 'UQ_admin_accounts_user', columnNames: ['userId'], isUnique: true },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'audit_logs',
      columns: [
        col.id(),
        col.int('actorId', true),
        col.varchar('action', 64),
        col.varchar('entityType', 40),
        col.varchar('entityId', 40, true),
        col.json('before'),
        col.json('after'),
        col.createdAt(qr),
      ],
      indices: [
        { name: 'IDX_audit_logs_actor', columnNames: ['actorId'] },
        { name: 'IDX_audit_logs_entity', columnNames: ['entityType', 'entityId'] },
        { name: 'IDX_audit_logs_created', columnNames: ['createdAt'] },
      ],
    });
    await steps.ensureTable({
      name: 'rate_limits',
      columns: [
        { name: 'key', type: 'varchar', length: '191', isPrimary: true },
        col.int('hits', false, 0),
        col.datetime('expiresAt'),
      ],
      indices: [{ name: 'IDX_rate_limits_expires', columnNames: ['expiresAt'] }],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    for (const table of ['rate_limits', 'audit_logs', 'admin_accounts', 'role_grants', 'users', 'departments', 'chains', 'orgs', 'enterprises']) {
      await steps.dropTableIfExists(table);
    }
  }
}
