import { MigrationInterface, QueryRunner } from 'typeorm';
import { col } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

/**
 * Who may see an activity: ORG (本组织) / CHAIN (本产业链) / PUBLIC (公开), chosen by the secretary.
 * Every existing row becomes PUBLIC, which is exactly what everyone saw before (the column default does it, so a
 * re-run after a crash changes nothing). The member list filters on it inside `status = 'PUBLISHED'`, so the
 * (status, id) and (status, startAt) indexes still serve the list.
 */
export class ActivityVisibility1764878400000 implements MigrationInterface {
  name = 'ActivityVisibility1764878400000';

  async up(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).ensureColumn('activities', col.varchar('visibility', 16, false, 'PUBLIC'));
  }

  async down(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).dropColumnIfExists('activities', 'visibility');
  }
}
