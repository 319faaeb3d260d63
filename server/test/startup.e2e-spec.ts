import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, mainIsBuilt, ServerProcess } from './support/server-process';
import { TcpProxy } from './support/tcp-proxy';
import { DATABASES } from './support/test-app';

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const built = mainIsBuilt();
const secrets = { JWT_SECRET: 'startup-test-secret-0123456789abcdef', DATA_KEY: 'ef'.repeat(32) };

/** Real server processes (node dist/main.js) starting against a database that is not there, or taken. */
(DATABASES.includes('mysql') && built ? describe : describe.skip)('starting while MySQL is unreachable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (url: string, waitSeconds: number): Record<string, string> => ({
    ...secrets,
    DATABASE_URL: url,
    DATA_DIR: dir,
    H5_DIR: join(dir, 'none'),
    DB_STARTUP_WAIT_SECONDS: String(waitSeconds),
  });

  it('says at once what it waits for, retries with a line each time, then exits with one clear message', async () => {
    const port = await freePort(); // nothing listens here
    const server = await ServerProcess.start(env(`mysql://torch:s3cret-pw@127.0.0.1:${port}/torchred`, 5));
    const code = await server.exited;
    const exitedAt = Date.now() - server.startedAt;

    expect(code).toBe(1);
    const waiting = server.lines.filter((l) => l.text.startsWith('Waiting for the database at '));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting[0].text).toContain(`mysql://torch:***@127.0.0.1:${port}/torchred (attempt 1: `);
    expect(waiting[0].text).toContain('ECONNREFUSED');
    expect(waiting[1].text).toContain('(attempt 2: ');
    // The first line comes at once, not after the wait (the old start was silent for ~29 s).
    expect(server.lines[0]).toBe(waiting[0]);
    expect(waiting[0].at).toBeLessThan(exitedAt - 4000);
    const failed = server.lines.filter((l) => l.text.startsWith('Failed to start:'));
    expect(failed.map((l) => l.text)).toEqual([expect.stringContaining('did not answer within 5 s')]);
    expect(server.lines[server.lines.length - 1]).toBe(failed[0]);
    expect(server.output).not.toContain('s3cret-pw');
    expect(server.output).not.toMatch(/^\s+at /m); // no stack trace
    expect(server.output).not.toContain('ExceptionHandler');
    expect(exitedAt).toBeLessThan(15000);
  }, 30000);

  it('starts as soon as the database comes up during the wait', async () => {
    const port = await freePort();
    const base = new URL(MYSQL_BASE);
    const server = await ServerProcess.start(env(`${MYSQL_BASE}/test`.replace(`${base.host}`, `127.0.0.1:${port}`), 60));
    let proxy: TcpProxy | undefined;
    try {
      for (const until = Date.now() + 20000; !server.lines.some((l) => l.text.startsWith('Waiting for the database')); ) {
        if (Date.now() > until || !server.running) throw new Error(`no waiting line:\n${server.output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      proxy = await TcpProxy.start({ host: base.hostname, port: Number(base.port || 3306) }, port);
      await server.waitHealthy(30000);
      expect(server.output).toContain('answers; starting.');
    } finally {
      await server.stop();
      await proxy?.stop();
    }
  }, 60000);

  it('fails at once, without waiting, when the database does not exist', async () => {
    const server = await ServerProcess.start(env(`${MYSQL_BASE}/tr_no_such_database_${process.pid}`, 60));
    expect(await server.exited).toBe(1);
    expect(server.output).not.toContain('Waiting for the database');
    expect(server.output).toMatch(/^Failed to start: cannot use the database at .*Unknown database/m);
    expect(Date.now() - server.startedAt).toBeLessThan(15000);
  }, 30000);
});

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
