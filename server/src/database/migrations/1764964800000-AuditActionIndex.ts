import { MigrationInterface, QueryRunner } from 'typeorm';
import { MigrationSteps } from '../migration-steps';

/**
 * The 审计日志 screen filters by action (`role.grant`, or every `talk.` action) newest first: with (action, id)
 * both databases read that action's entries backwards through the index and stop after the page.
 */
export class AuditActionIndex1764964800000 implements MigrationInterface {
  name = 'AuditActionIndex1764964800000';

  async up(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).ensureIndex('audit_logs', { name: 'IDX_audit_logs_action_id', columnNames: ['action', 'id'] });
  }

  async down(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).dropIndexIfExists('audit_logs', 'IDX_audit_logs_action_id');
  }
}
