import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

const LISTEN_BACKLOG = 4096;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  // A sign-up rush opens thousands of connections in the same second; Node's default accept queue (511) drops the
  // SYNs beyond it and the clients retry 1, 3, 7, 15 s later. The kernel caps this at net.core.somaxconn.
  await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
  const where = config.database.type === 'mysql' ? 'MySQL' : `SQLite at ${config.database.path}`;
  console.log(`火炬红 Torch Red is running at http://127.0.0.1:${config.port}  (H5 app at /, API at /api, docs at /api/docs; ${where})`);
  if (config.devLogin) console.log('Dev login is ON (POST /api/auth/dev-login). It is always off when NODE_ENV=production.');
}

main().catch((err: unknown) => {
  // One clear line; the stack trace only when debugging (LOG_LEVEL=debug or trace).
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  if (err instanceof Error && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) console.error(err.stack);
  process.exit(1);
});
