import { MigrationInterface, QueryRunner } from 'typeorm';
import { col } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

/**
 * Rosters (花名册): a person's party post and joining date, when and from where they left, and one person
 * per phone number (the roster import matches people by the phone's lookup hash). Every step checks what
 * already exists, so a start killed half-way through finishes the job next time.
 */
export class Rosters1764748800000 implements MigrationInterface {
  name = 'Rosters1764748800000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureColumn('users', col.varchar('partyPost', 32, true));
    await steps.ensureColumn('users', { name: 'partyJoinedAt', type: 'date', isNullable: true });
    await steps.ensureColumn('users', col.datetime('leftAt', true));
    await steps.ensureColumn('users', col.int('leftOrgId', true));
    await this.keepOnePersonPerPhone(qr);
    await steps.ensureIndex('users', { name: 'UQ_users_phone_hash', columnNames: ['phoneHash'], isUnique: true });
    await steps.dropIndexIfExists('users', 'IDX_users_phone_hash');
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureIndex('users', { name: 'IDX_users_phone_hash', columnNames: ['phoneHash'] });
    await steps.dropIndexIfExists('users', 'UQ_users_phone_hash');
    await steps.dropColumnIfExists('users', 'leftOrgId');
    await steps.dropColumnIfExists('users', 'leftAt');
    await steps.dropColumnIfExists('users', 'partyJoinedAt');
    await steps.dropColumnIfExists('users', 'partyPost');
  }

  /**
   * Before the phone hash becomes unique: where several people share a number (possible until now through
   * the admin API), the earliest keeps it for lookups; the others keep their encrypted number, so nothing is
   * lost, but are no longer found by it. Repeatable: a second run finds no duplicates.
   */
  private async keepOnePersonPerPhone(qr: QueryRunner): Promise<void> {
    const q = (name: string) => qr.connection.driver.escape(name);
    await qr.query(
      `UPDATE ${q('users')} SET ${q('phoneHash')} = NULL WHERE ${q('phoneHash')} IS NOT NULL AND ${q('id')} NOT IN ` +
        `(SELECT ${q('keep')} FROM (SELECT MIN(${q('id')}) AS ${q('keep')} FROM ${q('users')} WHERE ${q('phoneHash')} IS NOT NULL GROUP BY ${q('phoneHash')}) AS ${q('k')})`,
    );
  }
}
