import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { NotificationModule } from '../../notification/notification.module';
import { UserModule } from '../user.module';
import { WechatModule } from '../../wechat/wechat.module';
import { BindingService } from './binding.service';
import { JoinService } from './join.service';
import { OnboardingController } from './onboarding.controller';
import { JoinRequestMapper } from './onboarding.mapper';
import { RepresentationService } from './representation.service';
import { RosterAttach } from './roster-attach.service';

@Module({
  imports: [AuditModule, NotificationModule, UserModule, WechatModule],
  controllers: [OnboardingController],
  providers: [BindingService, JoinService, RepresentationService, RosterAttach, JoinRequestMapper],
})
export class OnboardingModule {}
