import type { DataSource } from 'typeorm';

/**
 * Runs pending migrations. On MySQL a named lock makes concurrent server starts take turns,
 * so two processes never apply the same migration twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'mysql') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query("SELECT GET_LOCK('torch_red_migrations', 120) AS got")) as Array<{ got: number | string }>;
    if (Number(row?.got) !== 1) throw new Error('Could not take the migration lock within 120 s');
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query("SELECT RELEASE_LOCK('torch_red_migrations')");
    }
  } finally {
    await runner.release();
  }
}
