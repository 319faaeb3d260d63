import { MigrationInterface, QueryRunner } from 'typeorm';
import { col } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

/**
 * Session versions and disabling of people, private (need) images, and who edited a brand since it was
 * last approved. Every step checks what already exists, so a start that was killed half-way through
 * (MySQL commits each ALTER on its own) simply finishes the job next time.
 */
export class SecurityHardening1764662400000 implements MigrationInterface {
  name = 'SecurityHardening1764662400000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureColumn('users', col.int('tokenVersion', false, 0));
    await steps.ensureColumn('users', col.datetime('disabledAt', true));
    await steps.ensureColumn('brands', col.json('editorIds', true));
    await steps.ensureColumn('images', col.bool('isPrivate'));
    // Files are looked up by either name when served, so the thumbnail name needs an index too.
    await steps.ensureIndex('images', { name: 'IDX_images_thumbKey', columnNames: ['thumbKey'] });
    await this.markNeedImagesPrivate(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.dropIndexIfExists('images', 'IDX_images_thumbKey');
    await steps.dropColumnIfExists('images', 'isPrivate');
    await steps.dropColumnIfExists('brands', 'editorIds');
    await steps.dropColumnIfExists('users', 'disabledAt');
    await steps.dropColumnIfExists('users', 'tokenVersion');
  }

  /** Photos already attached to needs become private, like those attached from now on. */
  private async markNeedImagesPrivate(qr: QueryRunner): Promise<void> {
    const q = (name: string) => qr.connection.driver.escape(name);
    const rows = (await qr.query(`SELECT ${q('imageIds')} AS ids FROM ${q('needs')}`)) as Array<{ ids: string | null }>;
    const ids = new Set<number>();
    for (const row of rows) {
      try {
        const parsed: unknown = JSON.parse(row.ids ?? '[]');
        if (Array.isArray(parsed)) for (const id of parsed) if (Number.isSafeInteger(Number(id))) ids.add(Number(id));
      } catch {
        // A malformed list holds no ids to protect.
      }
    }
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      await qr.query(`UPDATE ${q('images')} SET ${q('isPrivate')} = 1 WHERE ${q('id')} IN (${chunk.map(() => '?').join(', ')})`, chunk);
    }
  }
}
