import { Logger } from '@nestjs/common';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AdvancedConsoleLogger, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { BrandLikeEntity } from '../modules/brand/brand-like.entity';
import { BrandEntity } from '../modules/brand/brand.entity';
import { PioneerPostEntity } from '../modules/brand/pioneer-post.entity';
import { PostReviewEntity } from '../modules/brand/post-review.entity';
import { ImageEntity } from '../modules/media/image.entity';
import { AppealEntity } from '../modules/talk/appeal.entity';
import { TalkSessionEntity } from '../modules/talk/talk-session.entity';
import { BrandsAndTalks1764489600000 } from './migrations/1764489600000-BrandsAndTalks';
import type { AppConfig, DatabaseConfig, DatabaseTimeouts } from '../config/app-config';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { ChainEntity } from '../modules/org/chain.entity';
import { DepartmentEntity } from '../modules/org/department.entity';
import { EnterpriseEntity } from '../modules/org/enterprise.entity';
import { OrgEntity } from '../modules/org/org.entity';
import { RateLimitEntity } from '../common/rate-limit/rate-limit.entity';
import { AdminAccountEntity } from '../modules/user/admin-account.entity';
import { RoleGrantEntity } from '../modules/user/role-grant.entity';
import { UserEntity } from '../modules/user/user.entity';
import { Foundation1764230400000 } from './migrations/1764230400000-Foundation';
import { Activities1764316800000 } from './migrations/1764316800000-Activities';
import { ActivityEntity } from '../modules/activity/activity.entity';
import { RegistrationEntity } from '../modules/activity/registration.entity';
import { NotificationEntity } from '../modules/notification/notification.entity';
import { OutboxEntity } from '../modules/notification/outbox.entity';
import { JobLeaseEntity } from '../modules/scheduler/job-lease.entity';
import { WechatTokenEntity } from '../modules/wechat/wechat-token.entity';
import { Study1764403200000 } from './migrations/1764403200000-Study';
import { LessonEntity, StudyColumnEntity } from '../modules/study/content.entity';
import { DailyQuizEntity, PaperAttemptEntity, PaperEntity, QuestionEntity } from '../modules/study/question.entity';
import { PointsLedgerEntity, RuleDayEntity, StudyFlagEntity, UserDayEntity, UserTotalEntity, UserWeekEntity } from '../modules/study/points.entity';
import { LessonProgressEntity, StudySessionEntity } from '../modules/study/study-session.entity';
import { NeedAssignmentEntity } from '../modules/need/need-assignment.entity';
import { NeedEventEntity } from '../modules/need/need-event.entity';
import { NeedEntity } from '../modules/need/need.entity';
import { InstructorEnterpriseEntity, VisitEntity } from '../modules/visit/visit.entity';
import { Needs1764576000000 } from './migrations/1764576000000-Needs';
import { SecurityHardening1764662400000 } from './migrations/1764662400000-SecurityHardening';
import { Onboarding1764835200000 } from './migrations/1764835200000-Onboarding';
import { BindingCodeEntity, JoinCodeEntity, JoinRequestEntity, RepresentationRequestEntity } from '../modules/onboarding/onboarding.entity';

export const ENTITIES = [
  OrgEntity,
  ChainEntity,
  EnterpriseEntity,
  DepartmentEntity,
  UserEntity,
  RoleGrantEntity,
  AdminAccountEntity,
  AuditLogEntity,
  RateLimitEntity,
  ActivityEntity,
  RegistrationEntity,
  NotificationEntity,
  OutboxEntity,
  JobLeaseEntity,
  WechatTokenEntity,
  ImageEntity,
  BrandEntity,
  BrandLikeEntity,
  PioneerPostEntity,
  PostReviewEntity,
  TalkSessionEntity,
  AppealEntity,
  StudyColumnEntity,
  LessonEntity,
  StudySessionEntity,
  LessonProgressEntity,
  QuestionEntity,
  DailyQuizEntity,
  PaperEntity,
  PaperAttemptEntity,
  PointsLedgerEntity,
  RuleDayEntity,
  UserDayEntity,
  UserWeekEntity,
  UserTotalEntity,
  StudyFlagEntity,
  InstructorEnterpriseEntity,
  VisitEntity,
  NeedEntity,
  NeedAssignmentEntity,
  NeedEventEntity,
  BindingCodeEntity,
  JoinCodeEntity,
  JoinRequestEntity,
  RepresentationRequestEntity,
];

export const MIGRATIONS = [Foundation1764230400000, Activities1764316800000, Study1764403200000, BrandsAndTalks1764489600000, Needs1764576000000, SecurityHardening1764662400000, Onboarding1764835200000];

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
      extra: { connectionLimit: 20 },
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
