import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AuditModule } from '../audit/audit.module';
import { NotificationModule } from '../notification/notification.module';
import { TalkController } from './talk.controller';
import { TalkService } from './talk.service';

@Module({
  imports: [ActivityModule, AuditModule, NotificationModule],
  controllers: [TalkController],
  providers: [TalkService],
})
export class TalkModule {}
