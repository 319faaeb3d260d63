import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ComplianceResponse, MeetingDetail, MeetingRuleDto } from '@torch-red/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { IdParam } from '../../common/validation/id.pipe';
import { XLSX_MIME, sendSpreadsheet } from '../../common/xlsx/spreadsheet';
import { ComplianceExportQueryDto, ComplianceQueryDto, CorrectMeetingDto, MeetingYearQueryDto, SaveMeetingRulesDto } from './dto/org-life.dto';
import { MeetingComplianceService } from './meeting-compliance.service';
import { MeetingExportService } from './meeting-export.service';
import { yearOrCurrent } from './meeting-query.service';
import { MeetingRecordService } from './meeting-record.service';
import { MeetingRulesService } from './meeting-rules.service';

/** 组织生活 above the branch: compliance for committee staff and admins, exports, rules and corrections. */
@ApiTags('组织生活')
@Controller()
export class OrgLifeOversightController {
  constructor(
    private readonly compliance: MeetingComplianceService,
    private readonly exports: MeetingExportService,
    private readonly rules: MeetingRulesService,
    private readonly records: MeetingRecordService,
    private readonly clock: Clock,
  ) {}

  @Get('committee/meeting-compliance')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'On-time compliance of every judged organisation in my chains (admins: all) for a month, quarter or year: per org and kind, overdue first' })
  table(@CurrentUser() user: AuthUser, @Query() q: ComplianceQueryDto): Promise<ComplianceResponse> {
    return this.compliance.compliance(user, q);
  }

  @Get('committee/meeting-compliance/export')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'The compliance table as .xlsx with the same filters (audited)' })
  async export(@CurrentUser() user: AuthUser, @Query() q: ComplianceExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.exports.complianceXlsx(user, q), 'meeting-compliance.xlsx');
  }

  @Get('committee/orgs/:orgId/meeting-book')
  @Authenticated({ roles: ['COMMITTEE', 'SECRETARY'] })
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: "An organisation's yearly record book as .xlsx: every archived record with attendance and minutes (committee above, its secretaries, admins; audited)" })
  async book(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Query() q: MeetingYearQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.exports.bookXlsx(user, orgId, yearOrCurrent(q.year, this.clock.now())), 'meeting-book.xlsx');
  }

  @Get('admin/orgs/:orgId/meeting-rules')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: "The organisation's rule for every meeting kind (its overrides, else the defaults)" })
  getRules(@IdParam('orgId') orgId: number): Promise<MeetingRuleDto[]> {
    return this.rules.get(orgId);
  }

  @Put('admin/orgs/:orgId/meeting-rules')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: "Replace the organisation's overrides (kinds left out follow the defaults); audited with before and after" })
  saveRules(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Body() dto: SaveMeetingRulesDto): Promise<MeetingRuleDto[]> {
    return this.rules.save(user, orgId, dto);
  }

  @Put('admin/meetings/:id')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Correct an archived record (with a reason); the audit log keeps it before and after' })
  correct(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: CorrectMeetingDto): Promise<MeetingDetail> {
    return this.records.correct(user, id, dto);
  }
}
