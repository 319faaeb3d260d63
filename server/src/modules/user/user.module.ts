import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminUserController } from './admin-user.controller';
import { UserController } from './user.controller';
import { PRINCIPAL_LOADER } from '../../common/auth/principal';
import { UserPrincipalLoader } from './principal-loader.service';
import { UserService } from './user.service';

@Module({
  imports: [AuditModule],
  controllers: [UserController, AdminUserController],
  providers: [UserService, { provide: PRINCIPAL_LOADER, useClass: UserPrincipalLoader }],
  exports: [UserService, PRINCIPAL_LOADER],
})
export class UserModule {}
