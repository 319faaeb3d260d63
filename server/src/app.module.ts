import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { CoreModule } from './common/core.module';
import { AccessModule } from './modules/access/access.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { typeOrmModuleOptions } from './database/data-source';
import { ActivityModule } from './modules/activity/activity.module';
import { AuditModule } from './modules/audit/audit.module';
import { BrandModule } from './modules/brand/brand.module';
import { MediaModule } from './modules/media/media.module';
import { TalkModule } from './modules/talk/talk.module';
import { NotificationModule } from './modules/notification/notification.module';
import { SchedulerModule } from './modules/scheduler/scheduler.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { OrgModule } from './modules/org/org.module';
import { SeedModule } from './modules/seed/seed.module';
import { StudyModule } from './modules/study/study.module';
import { UserModule } from './modules/user/user.module';
import { PeopleDirectoryModule } from './modules/user/people-directory.module';
import { OrgDirectoryModule } from './modules/org/org-directory.module';
import { BrandDirectoryModule } from './modules/brand/brand-directory.service';
import { AppealDirectoryModule } from './modules/talk/appeal-directory.service';
import { NeedModule } from './modules/need/need.module';
import { VisitModule } from './modules/visit/visit.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { RosterModule } from './modules/user/roster/roster.module';
import { OnboardingModule } from './modules/user/onboarding/onboarding.module';
import { OrgLifeModule } from './modules/org-life/org-life.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(typeOrmModuleOptions(config)),
        CoreModule,
        AccessModule,
        PeopleDirectoryModule,
        OrgDirectoryModule,
        BrandDirectoryModule,
        AppealDirectoryModule,
        HealthModule,
        AuditModule,
        UserModule,
        RosterModule,
        AuthModule,
        OrgModule,
        SeedModule,
        SchedulerModule,
        NotificationModule,
        ActivityModule,
        MediaModule,
        BrandModule,
        TalkModule,
        StudyModule,
        NeedModule,
        VisitModule,
        DashboardModule,
        OnboardingModule,
        OrgLifeModule,
      ],
      providers: [AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
    };
  }
}
