import { Module } from '@nestjs/common';
import { HttpPhoneNumberClient, PhoneNumberClient } from './phone-number.client';
import { HttpSubscribeMessageSender, SubscribeMessageSender } from './subscribe-message.sender';
import { WechatAccessToken } from './wechat-access-token';
import { HttpWechatClient, WechatClient } from './wechat.client';

@Module({
  providers: [
    WechatAccessToken,
    { provide: WechatClient, useClass: HttpWechatClient },
    { provide: SubscribeMessageSender, useClass: HttpSubscribeMessageSender },
    { provide: PhoneNumberClient, useClass: HttpPhoneNumberClient },
  ],
  exports: [WechatClient, SubscribeMessageSender, PhoneNumberClient],
})
export class WechatModule {}
