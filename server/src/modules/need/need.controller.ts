import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DeadlineRunResult, DepartmentAssignmentItem, NeedContactResponse, NeedDetail, NeedSummary, Page } from '@torch-red/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { XLSX_MIME, sendSpreadsheet } from '../../common/xlsx/spreadsheet';
import { AnswerNeedDto, DispatchNeedDto, MergeNeedDto, NeedListQueryDto, NoteDto, RaiseNeedDto, RateNeedDto, ResolveAssignmentDto } from './dto/need.dto';
import { KeysetQueryDto } from '../../common/validation/page-query.dto';
import { NeedDeadlineJob } from './need-deadline.job';
import { NeedExportService } from './need-export.service';
import { NeedIntakeService } from './need-intake.service';
import { NeedQueryService } from './need-query.service';
import { NeedWorkflowService } from './need-workflow.service';

@ApiTags('企业吹哨、部门报到')
@Controller()
export class NeedController {
  constructor(
    private readonly intake: NeedIntakeService,
    private readonly workflow: NeedWorkflowService,
    private readonly query: NeedQueryService,
    private readonly exports: NeedExportService,
    private readonly deadlines: NeedDeadlineJob,
  ) {}

  @Post('needs')
  @Authenticated()
  @ApiOperation({ summary: '点单: raise a need for my enterprise (or one I am secretary of); lands in the industry committee\u2019s ledger' })
  raise(@CurrentUser() user: AuthUser, @Body() dto: RaiseNeedDto): Promise<NeedDetail> {
    return this.intake.raise(user, dto);
  }

  @Get('me/needs')
  @Authenticated()
  @ApiOperation({ summary: 'Needs I raised, and those of enterprises whose Party organisation I am secretary of; newest first, a page at a time' })
  mine(@CurrentUser() user: AuthUser, @Query() page: KeysetQueryDto): Promise<Page<NeedSummary>> {
    return this.query.mine(user, page);
  }

  @Get('needs/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A need with its assignments and timeline (only for those who may see it; others get 404)' })
  detail(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<NeedDetail> {
    return this.query.detail(user, id);
  }

  @Get('committee/needs')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'The needs ledger (需求+问题台账) of my committees (admins: all), with filters; newest first, a page at a time' })
  ledger(@CurrentUser() user: AuthUser, @Query() q: NeedListQueryDto): Promise<Page<NeedSummary>> {
    return this.query.ledger(user, q);
  }

  @Get('committee/needs/export')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'The ledger as .xlsx with the same filters (audited)' })
  async export(@CurrentUser() user: AuthUser, @Query() q: NeedListQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.exports.ledgerXlsx(user, q), 'needs.xlsx');
  }

  @Post('needs/:id/dispatch')
  @HttpCode(200)
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: '派单: dispatch to one or more departments, each with a deadline' })
  dispatch(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: DispatchNeedDto): Promise<NeedDetail> {
    return this.workflow.dispatch(user, id, dto);
  }

  @Post('needs/:id/answer')
  @HttpCode(200)
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'Answer a need directly (committee), without dispatching it' })
  answer(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: AnswerNeedDto): Promise<NeedDetail> {
    return this.workflow.answer(user, id, dto.answer);
  }

  @Post('needs/:id/merge')
  @HttpCode(200)
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'Merge a duplicate into another open need of the same committee' })
  merge(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: MergeNeedDto): Promise<NeedDetail> {
    return this.workflow.merge(user, id, Number(dto.targetNeedId), dto.note ?? null);
  }

  @Get('department/assignments')
  @Authenticated({ roles: ['DEPARTMENT'] })
  @ApiOperation({ summary: 'Assignments dispatched to my department, newest first, a page at a time' })
  assignments(@CurrentUser() user: AuthUser, @Query() page: KeysetQueryDto): Promise<Page<DepartmentAssignmentItem>> {
    return this.query.departmentAssignments(user, page);
  }

  @Get('needs/:id/assignments/:assignmentId/contact')
  @Authenticated({ roles: ['DEPARTMENT'] })
  @ApiOperation({ summary: 'The raiser\u2019s name and full phone, for a handler of this assignment\u2019s department (others: 404); every reveal is audited' })
  contact(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('assignmentId') assignmentId: number): Promise<NeedContactResponse> {
    return this.query.contact(user, id, assignmentId);
  }

  @Post('needs/:id/assignments/:assignmentId/accept')
  @HttpCode(200)
  @Authenticated({ roles: ['DEPARTMENT'] })
  @ApiOperation({ summary: '接单: accept an assignment of my department (of two handlers at once, one wins; the other gets 409)' })
  accept(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('assignmentId') assignmentId: number): Promise<NeedDetail> {
    return this.workflow.accept(user, id, assignmentId);
  }

  @Post('needs/:id/assignments/:assignmentId/return')
  @HttpCode(200)
  @Authenticated({ roles: ['DEPARTMENT'] })
  @ApiOperation({ summary: 'Return an assignment with a reason; the committee re-dispatches' })
  returnAssignment(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('assignmentId') assignmentId: number, @Body() dto: NoteDto): Promise<NeedDetail> {
    return this.workflow.returnAssignment(user, id, assignmentId, dto.note);
  }

  @Post('needs/:id/assignments/:assignmentId/progress')
  @HttpCode(200)
  @Authenticated({ roles: ['DEPARTMENT'] })
  @ApiOperation({ summary: 'Record a progress note on an accepted assignment' })
  progress(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('assignmentId') assignmentId: number, @Body() dto: NoteDto): Promise<NeedDetail> {
    return this.workflow.progress(user, id, assignmentId, dto.note);
  }

  @Post('needs/:id/assignments/:assignmentId/resolve')
  @HttpCode(200)
  @Authenticated({ roles: ['DEPARTMENT'] })
  @ApiOperation({ summary: '办结: resolve an accepted assignment with the answer; the need is resolved when no assignment is open' })
  resolve(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('assignmentId') assignmentId: number, @Body() dto: ResolveAssignmentDto): Promise<NeedDetail> {
    return this.workflow.resolveAssignment(user, id, assignmentId, dto.answer);
  }

  @Post('needs/:id/rate')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '评价: the raiser confirms a resolved need and rates it 1–5' })
  rate(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: RateNeedDto): Promise<NeedDetail> {
    return this.workflow.rate(user, id, dto.rating, dto.comment ?? null);
  }

  @Post('needs/:id/reopen')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'The raiser reopens a resolved need with a reason' })
  reopen(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: NoteDto): Promise<NeedDetail> {
    return this.workflow.reopen(user, id, dto.note);
  }

  @Post('admin/appeals/:id/need')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Turn a 月月谈 appeal into a need in one step (keeps the link; once per appeal)' })
  fromAppeal(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<NeedDetail> {
    return this.intake.fromAppeal(user, id);
  }

  @Post('admin/needs/deadline-checks')
  @HttpCode(200)
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Run the deadline reminder / overdue / stale-need escalation job now (it also runs on a schedule)' })
  runChecks(@CurrentUser() user: AuthUser): Promise<DeadlineRunResult> {
    return this.deadlines.runDeadlineChecksBy(user);
  }
}
