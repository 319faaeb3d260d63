import { Module } from '@nestjs/common';
import { WechatModule } from '../wechat/wechat.module';
import { NotificationController } from './notification.controller';
import { NotificationService } from './notification.service';
import { OutboxWorker } from './outbox.worker';

@Module({
  imports: [WechatModule],
  controllers: [NotificationController],
  providers: [NotificationService, OutboxWorker],
  exports: [NotificationService, OutboxWorker],
})
export class NotificationModule {}
