import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainIsBuilt, ServerProcess } from './support/server-process';
import { DATABASES } from './support/test-app';

const built = mainIsBuilt();
const secrets = { JWT_SECRET: 'startup-test-secret-0123456789abcdef', DATA_KEY: 'ef'.repeat(32) };

(DATABASES.includes('sqlite') && built ? describe : describe.skip)('one process per SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-sqlite-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (file: string): Record<string, string> => ({ ...secrets, SQLITE_PATH: join(dir, file), DATA_DIR: dir, H5_DIR: join(dir, 'none') });

  it('refuses a second process with a clear message, and a kill -9 leaves no stale lock', async () => {
    const first = await ServerProcess.start(env('one.sqlite'));
    let third: ServerProcess | undefined;
    try {
      await first.waitHealthy();
      const second = await ServerProcess.start(env('one.sqlite'));
      expect(await second.exited).toBe(1);
      expect(second.output).toContain(`Failed to start: the SQLite database ${join(dir, 'one.sqlite')} is in use by another server process (PID ${first.child.pid} `);
      expect(second.output).toContain('use MySQL (DATABASE_URL) to run several');
      expect((await fetch(`${first.base}/api/health`)).status).toBe(200);

      await first.stop('SIGKILL');
      third = await ServerProcess.start(env('one.sqlite'));
      await third.waitHealthy();
    } finally {
      await first.stop('SIGKILL');
      await third?.stop();
    }
  }, 60000);

  it('lets exactly one of two processes started together on a new file run', async () => {
    const both = [await ServerProcess.start(env('two.sqlite')), await ServerProcess.start(env('two.sqlite'))];
    try {
      const outcomes = await Promise.all(both.map((s) => s.waitHealthy().then(() => 'healthy', () => s.output)));
      expect(outcomes.filter((o) => o === 'healthy')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'healthy')).toContain('is in use by another server process');
    } finally {
      for (const s of both) await s.stop();
    }
  }, 60000);
});
