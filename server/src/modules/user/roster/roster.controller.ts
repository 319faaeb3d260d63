import { Body, Controller, Get, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ROSTER_LIMITS, type ImportRosterResponse, type MarkLeftResponse, type Page, type RosterPerson } from '@torch-red/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser } from '../../../common/auth/access.decorator';
import type { AuthUser } from '../../../common/auth/auth-user';
import { AppError } from '../../../common/errors/app-error';
import { IdParam } from '../../../common/validation/id.pipe';
import { readUploadedFile } from '../../../common/validation/multipart';
import { XLSX_MIME, sendSpreadsheet } from '../../../common/xlsx/spreadsheet';
import { MarkLeftDto, RosterListQueryDto, UpdateRosterPersonDto } from './dto/roster.dto';
import { RosterImportService } from './roster-import.service';
import { RosterService } from './roster.service';

/** 花名册 in the workspace: secretaries (their org), industry-committee staff (their chain's orgs), admins (all). */
@ApiTags('workspace: roster')
@Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
@Controller('workspace')
export class RosterController {
  constructor(
    private readonly roster: RosterService,
    private readonly importer: RosterImportService,
  ) {}

  @Get('roster/template')
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'The .xlsx roster template (the export has the same columns)' })
  async template(@Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, { filename: '花名册导入模板.xlsx', buffer: await this.importer.template() }, 'roster-template.xlsx');
  }

  @Post('roster/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Import a roster: every row is checked first; any bad row imports nothing (422 with row errors). Re-importing updates people by phone' })
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<ImportRosterResponse> {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
    const file = await readUploadedFile(request, { limits: { fileSize: ROSTER_LIMITS.importMaxBytes, files: 1 }, missing: '请上传 .xlsx 文件' });
    return this.importer.import(user, file);
  }

  @Get('orgs/:orgId/roster')
  @ApiOperation({ summary: "The org's people and those of the orgs below it; q matches a name fragment or an exact phone number" })
  list(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Query() query: RosterListQueryDto): Promise<Page<RosterPerson>> {
    return this.roster.list(user, orgId, query);
  }

  @Get('orgs/:orgId/roster/export')
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'The roster as .xlsx in the import columns, full phone numbers (audited); the same filters as the list' })
  async export(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Query() query: RosterListQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.roster.export(user, orgId, query), 'roster.xlsx');
  }

  @Get('roster/:userId')
  person(@CurrentUser() user: AuthUser, @IdParam('userId') id: number): Promise<RosterPerson> {
    return this.roster.person(user, id);
  }

  @Put('roster/:userId')
  @ApiOperation({ summary: "Edit one person's roster row; a changed 党内职务 grants or revokes the role it implies (audited)" })
  update(@CurrentUser() user: AuthUser, @IdParam('userId') id: number, @Body() dto: UpdateRosterPersonDto): Promise<RosterPerson> {
    return this.roster.update(user, id, dto);
  }

  @Post('roster/:userId/leave')
  @ApiOperation({ summary: '离开 / 转出: ends the membership, revokes every role and all sessions at once; history stays (audited)' })
  markLeft(@CurrentUser() user: AuthUser, @IdParam('userId') id: number, @Body() dto: MarkLeftDto): Promise<MarkLeftResponse> {
    return this.roster.markLeft(user, id, dto);
  }
}
