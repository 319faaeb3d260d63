import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminOrgController } from './admin-org.controller';
import { OrgController } from './org.controller';
import { OrgService } from './org.service';

@Module({
  imports: [AuditModule],
  controllers: [OrgController, AdminOrgController],
  providers: [OrgService],
  exports: [OrgService],
})
export class OrgModule {}
