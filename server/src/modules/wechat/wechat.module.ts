import { Module } from '@nestjs/common';
import { HttpSubscribeMessageSender, SubscribeMessageSender } from './subscribe-message.sender';
import { HttpWechatClient, WechatClient } from './wechat.client';

@Module({
  providers: [
    { provide: WechatClient, useClass: HttpWechatClient },
    { provide: SubscribeMessageSender, useClass: HttpSubscribeMessageSender },
  ],
  exports: [WechatClient, SubscribeMessageSender],
})
export class WechatModule {}
