import { Logger } from '@nestjs/common';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AdvancedConsoleLogger, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { BrandsAndTalks1764489600000 } from './migrations/1764489600000-BrandsAndTalks';
import type { AppConfig, DatabaseConfig, DatabaseTimeouts } from '../config/app-config';
import { Foundation1764230400000 } from './migrations/1764230400000-Foundation';
import { Activities1764316800000 } from './migrations/1764316800000-Activities';
import { Study1764403200000 } from './migrations/1764403200000-Study';
import { Needs1764576000000 } from './migrations/1764576000000-Needs';
import { SecurityHardening1764662400000 } from './migrations/1764662400000-SecurityHardening';
import { Rosters1764748800000 } from './migrations/1764748800000-Rosters';
import { ActivityListIndex1764792000000 } from './migrations/1764792000000-ActivityListIndex';
import { RateLimitEntity } from '../common/rate-limit/rate-limit.entity';
import { ORG_ENTITIES } from '../modules/org/org.entities';
import { USER_ENTITIES } from '../modules/user/user.entities';
import { AUTH_ENTITIES } from '../modules/auth/auth.entities';
import { AUDIT_ENTITIES } from '../modules/audit/audit.entities';
import { ACTIVITY_ENTITIES } from '../modules/activity/activity.entities';
import { NOTIFICATION_ENTITIES } from '../modules/notification/notification.entities';
import { SCHEDULER_ENTITIES } from '../modules/scheduler/scheduler.entities';
import { WECHAT_ENTITIES } from '../modules/wechat/wechat.entities';
import { MEDIA_ENTITIES } from '../modules/media/media.entities';
import { BRAND_ENTITIES } from '../modules/brand/brand.entities';
import { TALK_ENTITIES } from '../modules/talk/talk.entities';
import { STUDY_ENTITIES } from '../modules/study/study.entities';
import { VISIT_ENTITIES } from '../modules/visit/visit.entities';
import { NEED_ENTITIES } from '../modules/need/need.entities';
import { Onboarding1764835200000 } from './migrations/1764835200000-Onboarding';
import { ActivityVisibility1764878400000 } from './migrations/1764878400000-ActivityVisibility';
import { DataVersions1764900000000 } from './migrations/1764900000000-DataVersions';
import { AuditActionIndex1764964800000 } from './migrations/1764964800000-AuditActionIndex';
import { OrgClosing1765011600000 } from './migrations/1765011600000-OrgClosing';
import { DataVersionEntity } from './data-version';
import { OrgTreeVersionSubscriber } from '../modules/org/org-tree-version.subscriber';
import { OrgLife1764921600000 } from './migrations/1764921600000-OrgLife';
import { ORG_LIFE_ENTITIES } from '../modules/org-life/org-life.entities';

/** Each module declares the tables it owns; the data source is their union (plus common's rate-limit table and the platform's change counters). */
export const ENTITIES = [
  ...ORG_ENTITIES,
  ...USER_ENTITIES,
  ...AUTH_ENTITIES,
  ...AUDIT_ENTITIES,
  ...ACTIVITY_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...SCHEDULER_ENTITIES,
  ...WECHAT_ENTITIES,
  ...MEDIA_ENTITIES,
  ...BRAND_ENTITIES,
  ...TALK_ENTITIES,
  ...STUDY_ENTITIES,
  ...VISIT_ENTITIES,
  ...NEED_ENTITIES,
  ...ORG_LIFE_ENTITIES,
  RateLimitEntity,
  DataVersionEntity,
];

export const MIGRATIONS = [
  Foundation1764230400000,
  Activities1764316800000,
  Study1764403200000,
  BrandsAndTalks1764489600000,
  Needs1764576000000,
  SecurityHardening1764662400000,
  Rosters1764748800000,
  ActivityListIndex1764792000000,
  Onboarding1764835200000,
  ActivityVisibility1764878400000,
  DataVersions1764900000000,
  OrgLife1764921600000,
  AuditActionIndex1764964800000,
  OrgClosing1765011600000,
];

/**
 * TypeORM writes slow queries with their parameters; with the query timeout on, "slow" means "timed
 * out", and parameters may hold personal data, so only the statement and the time are logged.
 */
class DatabaseLogger extends AdvancedConsoleLogger {
  private readonly slow = new Logger('Database');

  override logQuerySlow(time: number, query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.slow.warn(`A query ran ${time} ms (timeout or slow): ${query.slice(0, 300)}`);
  }
}

/** MySQL pool and timeouts; the defaults are the values loadConfig uses. */
const DEFAULT_TIMEOUTS: DatabaseTimeouts = { startupWaitSeconds: 60, queryTimeoutMs: 30000, connectTimeoutMs: 10000 };

/** One definition for the app, the tests and the migration CLI: MySQL when configured, else embedded SQLite. */
export function dataSourceOptions(database: DatabaseConfig, timeouts: DatabaseTimeouts = DEFAULT_TIMEOUTS): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [OrgTreeVersionSubscriber] as DataSourceOptions['subscribers'],
    migrationsRun: false,
    synchronize: false,
    logging: false,
    logger: new DatabaseLogger(false),
  } as const;
  if (database.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: database.url,
      charset: 'utf8mb4',
      timezone: 'Z',
      // A frozen database must not hold requests forever: each query gives up after the timeout (503).
      connectTimeout: timeouts.connectTimeoutMs,
      maxQueryExecutionTime: timeouts.queryTimeoutMs,
      enableQueryTimeout: true,
      // trace: false — mysql2 would capture a stack trace on every query (8 % of a sign-up burst's CPU) only to
      // decorate the rare driver error; TypeORM's QueryFailedError already names the statement.
      extra: { connectionLimit: 20, trace: false },
      migrationsTransactionMode: 'each',
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrationsTransactionMode: 'each',
    // WAL lets readers run alongside the single writer; busy_timeout makes writers queue instead of failing.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  };
}

/**
 * The app's TypeORM module options. createApp has already waited for the database (with a clear
 * line per attempt), so the module itself only bridges a brief blip instead of retrying silently.
 */
export function typeOrmModuleOptions(config: AppConfig): TypeOrmModuleOptions {
  return { ...dataSourceOptions(config.database, config.databaseTimeouts), retryAttempts: 3, retryDelay: 1000 };
}
