import { MigrationInterface, QueryRunner } from 'typeorm';
import { MigrationSteps } from '../migration-steps';

/**
 * `data_versions`: change counters for read models cached between requests (see database/data-version.ts). The
 * org tree's counter replaces a fingerprint query of six COUNT/MAX subqueries per request with one primary-key
 * read that the auth guard makes together with the caller's roles. Re-running after a crash inserts nothing twice.
 */
export class DataVersions1764900000000 implements MigrationInterface {
  name = 'DataVersions1764900000000';

  async up(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).ensureTable({
      name: 'data_versions',
      columns: [
        { name: 'name', type: 'varchar', length: '64', isPrimary: true },
        { name: 'version', type: 'bigint', isNullable: false, default: 1 },
      ],
    });
    const [row] = (await qr.query(`SELECT COUNT(*) AS n FROM data_versions WHERE name = 'org-tree'`)) as Array<{ n: number | string }>;
    if (Number(row.n) === 0) await qr.query(`INSERT INTO data_versions (name, version) VALUES ('org-tree', 1)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await new MigrationSteps(qr).dropTableIfExists('data_versions');
  }
}
