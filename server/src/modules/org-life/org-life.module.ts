import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { NotificationModule } from '../notification/notification.module';
import { MeetingAttendance } from './meeting-attendance';
import { MeetingComplianceService } from './meeting-compliance.service';
import { MeetingDue } from './meeting-due.service';
import { MeetingExportService } from './meeting-export.service';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingRecordService } from './meeting-record.service';
import { MeetingReminderJob } from './meeting-reminder.job';
import { MeetingRulesService } from './meeting-rules.service';
import { MeetingTally } from './meeting-tally';
import { MeetingController } from './meeting.controller';
import { OrgLifeOversightController } from './org-life-oversight.controller';

/** 组织生活 (issue 14): 三会一课, 主题党日, 组织生活会 records, attendance, minutes and on-time compliance. */
@Module({
  imports: [ActivityModule, AuditModule, MediaModule, NotificationModule],
  controllers: [MeetingController, OrgLifeOversightController],
  providers: [MeetingRecordService, MeetingQueryService, MeetingAttendance, MeetingRulesService, MeetingTally, MeetingComplianceService, MeetingExportService, MeetingReminderJob, MeetingDue],
  exports: [MeetingDue],
})
export class OrgLifeModule {}
