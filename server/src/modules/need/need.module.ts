import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { NotificationModule } from '../notification/notification.module';
import { NeedController } from './need.controller';
import { NeedService } from './need.service';

@Module({
  imports: [AuditModule, MediaModule, NotificationModule],
  controllers: [NeedController],
  providers: [NeedService],
  exports: [NeedService],
})
export class NeedModule {}
