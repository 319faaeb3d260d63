import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UserModule } from '../user/user.module';
import { WechatModule } from '../wechat/wechat.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [AuditModule, UserModule, WechatModule],
  controllers: [AuthController],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}
