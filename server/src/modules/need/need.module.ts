import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { NotificationModule } from '../notification/notification.module';
import { NeedController } from './need.controller';
import { NeedDeadlineJob } from './need-deadline.job';
import { NeedExportService } from './need-export.service';
import { NeedIntakeService } from './need-intake.service';
import { NeedNotifier } from './need-notifier';
import { NeedQueryService } from './need-query.service';
import { NeedWorkflowService } from './need-workflow.service';

@Module({
  imports: [AuditModule, MediaModule, NotificationModule],
  controllers: [NeedController],
  providers: [NeedIntakeService, NeedWorkflowService, NeedQueryService, NeedExportService, NeedDeadlineJob, NeedNotifier],
  exports: [NeedIntakeService],
})
export class NeedModule {}
