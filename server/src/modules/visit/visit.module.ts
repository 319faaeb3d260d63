import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NeedModule } from '../need/need.module';
import { VisitController } from './visit.controller';
import { VisitService } from './visit.service';

@Module({
  imports: [AuditModule, NeedModule],
  controllers: [VisitController],
  providers: [VisitService],
})
export class VisitModule {}
