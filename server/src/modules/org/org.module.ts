import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AuditModule } from '../audit/audit.module';
import { AdminOrgController } from './admin-org.controller';
import { OrgController } from './org.controller';
import { OrgCatalogService } from './org-catalog.service';
import { OrgClosureService } from './org-closure.service';
import { OrgService } from './org.service';

@Module({
  imports: [AuditModule, ActivityModule],
  controllers: [OrgController, AdminOrgController],
  providers: [OrgService, OrgCatalogService, OrgClosureService],
  exports: [OrgService, OrgCatalogService],
})
export class OrgModule {}
