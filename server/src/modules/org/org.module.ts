import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminOrgController } from './admin-org.controller';
import { OrgController } from './org.controller';
import { OrgCatalogService } from './org-catalog.service';
import { OrgService } from './org.service';

@Module({
  imports: [AuditModule],
  controllers: [OrgController, AdminOrgController],
  providers: [OrgService, OrgCatalogService],
  exports: [OrgService, OrgCatalogService],
})
export class OrgModule {}
