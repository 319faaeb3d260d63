import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminUserController } from './admin-user.controller';
import { UserController } from './user.controller';
import { UserService } from './user.service';

@Module({
  imports: [AuditModule],
  controllers: [UserController, AdminUserController],
  providers: [UserService],
  exports: [UserService],
})
export class UserModule {}
