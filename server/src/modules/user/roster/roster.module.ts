import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UserModule } from '../user.module';
import { RosterImportService } from './roster-import.service';
import { RosterController } from './roster.controller';
import { RosterService } from './roster.service';

/**
 * Rosters (花名册): a roster person is a `users` row; one created by an import has no openid until the
 * person signs in and is attached to it by phone (see RosterService.findByPhone, for the binding flow).
 */
@Module({
  imports: [AuditModule, UserModule],
  controllers: [RosterController],
  providers: [RosterService, RosterImportService],
  exports: [RosterService],
})
export class RosterModule {}
