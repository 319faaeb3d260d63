import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built server, as production runs it. Real-process suites skip when it has not been built. */
export const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
export const mainIsBuilt = (): boolean => existsSync(MAIN);

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** `node dist/main.js` with its stdout and stderr collected as timed lines. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly base: string;
  readonly lines: Array<{ at: number; text: string }> = [];
  readonly startedAt = Date.now();
  readonly exited: Promise<number | null>;

  constructor(port: number, env: Record<string, string>) {
    this.base = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO: '0', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString('utf8')).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) this.lines.push({ at: Date.now() - this.startedAt, text });
      });
    }
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    return new ServerProcess(await freePort(), env);
  }

  get output(): string {
    return this.lines.map((l) => l.text).join('\n');
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once /api/health answers 200; throws if the process exits first or it takes too long. */
  async waitHealthy(timeoutMs = 30000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running) throw new Error(`server exited with ${this.child.exitCode ?? this.child.signalCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.base} did not become healthy:\n${this.output}`);
  }

  /** Stops this process (by its own PID) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }
}
