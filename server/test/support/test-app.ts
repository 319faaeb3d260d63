import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { buildApiDocument } from '../../src/common/openapi/api-document';
import { loadConfig } from '../../src/config/app-config';
import { ResponseContract } from './response-contract';

export type DbKind = 'sqlite' | 'mysql';

/** Which databases the e2e suites run on: both by default (E2E_DATABASES=sqlite,mysql). */
export const DATABASES: DbKind[] = (process.env.E2E_DATABASES ?? 'sqlite,mysql')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DbKind => s === 'sqlite' || s === 'mysql');

const MYSQL_BASE = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => supertest.Agent;
  dataSource: DataSource;
  /** Checks every response this app sends against its API description. */
  contract: ResponseContract;
  /** Closes the app and drops its database; then fails if any response broke the API description. */
  close: () => Promise<void>;
}

/**
 * A fresh server on a fresh database (an empty SQLite file, or a new MariaDB database), with the real
 * migrations and the demo seed, exactly as `node server/dist/main.js` would start — plus a check of every
 * response against the API description (response-contract.ts), reported when the app closes.
 */
export async function startTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'torch-red-e2e-'));
  let dbName: string | undefined;
  const dbEnv: Record<string, string> = {};
  if (kind === 'mysql') {
    dbName = `tr_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const conn = await createConnection(`${MYSQL_BASE}/test`);
    await conn.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    dbEnv.DATABASE_URL = `${MYSQL_BASE}/${dbName}`;
  } else {
    dbEnv.SQLITE_PATH = join(dir, 'test.sqlite');
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    SEED_DEMO: '1',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // LOG_LEVEL=error shows server-side errors while debugging a test.
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
    H5_DIR: join(dir, 'no-h5'),
    ...dbEnv,
    ...env,
  });
  let contract: ResponseContract | undefined;
  const app = await createApp(config, {
    instrument: (nest) => {
      contract = new ResponseContract(buildApiDocument(nest));
      contract.attach(nest.getHttpAdapter().getInstance());
    },
  });
  if (!contract) throw new Error('createApp did not call instrument');
  const checked = contract;
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const server = app.getHttpAdapter().getInstance().server;
  return {
    app,
    dataSource,
    http: () => supertest.agent(server),
    contract: checked,
    close: async () => {
      await app.close();
      if (dbName) {
        const conn = await createConnection(`${MYSQL_BASE}/test`);
        await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
        await conn.end();
      }
      rmSync(dir, { recursive: true, force: true });
      // E2E_CONTRACT_LOG=<file> lists the operations the suites saw answering (which ones the check covered).
      if (process.env.E2E_CONTRACT_LOG) appendFileSync(process.env.E2E_CONTRACT_LOG, [...checked.seen].map((line) => `${line}\n`).join(''));
      const report = checked.report();
      if (report) throw new Error(report);
    },
  };
}
