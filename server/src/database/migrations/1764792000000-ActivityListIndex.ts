import { MigrationInterface, QueryRunner } from 'typeorm';
import { MigrationSteps } from '../migration-steps';

/**
 * The member's activity list reads `status = 'PUBLISHED' ORDER BY id DESC LIMIT n`: with (status, id) both
 * databases walk the index backwards and stop after the page (SQLite sorted every published row before).
 */
export class ActivityListIndex1764792000000 implements MigrationInterface {
  name = 'ActivityListIndex1764792000000';

  async up(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).ensureIndex('activities', { name: 'IDX_activities_status_id', columnNames: ['status', 'id'] });
  }

  async down(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).dropIndexIfExists('activities', 'IDX_activities_status_id');
  }
}
