import { MigrationInterface, QueryRunner } from 'typeorm';
import { col } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

/**
 * An admin may close (撤销) an organisation: `closedAt` set, the row kept so that its activities, meetings and
 * audit entries still name it. Every existing org stays open (NULL), so a re-run after a crash changes nothing.
 */
export class OrgClosing1765011600000 implements MigrationInterface {
  name = 'OrgClosing1765011600000';

  async up(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).ensureColumn('orgs', col.datetime('closedAt', true));
  }

  async down(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).dropColumnIfExists('orgs', 'closedAt');
  }
}
