import { Module } from '@nestjs/common';
import { ACTIVITY_LIMITS } from '@torch-red/shared';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { NotificationModule } from '../notification/notification.module';
import { ActivityAccess } from './activity-access';
import { ActivityDirectory } from './activity-directory.service';
import { ActivityNotices } from './activity-notices';
import { ActivityQueryService } from './activity-query.service';
import { ActivityReminderJob } from './activity-reminder.job';
import { ActivityController } from './activity.controller';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';
import { AttendeeExportService } from './attendee-export.service';
import { CheckinTokens } from './checkin-token';
import { RegistrationService } from './registration.service';
import { SeatEngine } from './seat-engine.service';

@Module({
  imports: [AuditModule, NotificationModule],
  controllers: [ActivityController],
  providers: [
    ActivityService,
    ActivityQueryService,
    ActivityRepository,
    RegistrationService,
    SeatEngine,
    ActivityNotices,
    ActivityAccess,
    AttendeeExportService,
    ActivityReminderJob,
    ActivityDirectory,
    {
      provide: CheckinTokens,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new CheckinTokens(createHmac('sha256', config.jwt.secret).update('torch-red:checkin').digest(), ACTIVITY_LIMITS.checkinRotateSeconds),
    },
  ],
  exports: [ActivityService, ActivityQueryService, RegistrationService, ActivityDirectory],
})
export class ActivityModule {}
