import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminAppealResponse, AppealResponse, Page, TalkDetail, TalkRegistrationResponse, TalkSummary } from '@torch-red/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { KeysetQueryDto } from '../../common/validation/page-query.dto';
import { AnswerAppealDto, CreateTalkDto, PublishMinutesDto, TalkRegisterDto, UpdateTalkDto } from './dto/talk.dto';
import { TalkService } from './talk.service';

@ApiTags('企业家月月谈')
@Controller()
export class TalkController {
  constructor(private readonly talks: TalkService) {}

  @Get('talks')
  @Authenticated()
  @ApiOperation({ summary: 'Published 月月谈 sessions, the latest start first, a page at a time' })
  list(@CurrentUser() user: AuthUser, @Query() page: KeysetQueryDto): Promise<Page<TalkSummary>> {
    return this.talks.list(user, page);
  }

  @Get('talks/:id')
  @Authenticated()
  detail(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<TalkDetail> {
    return this.talks.detail(user, id);
  }

  @Post('talks/:id/registrations')
  @Authenticated()
  @ApiOkResponse({ description: 'the registration and its appeal' })
  @ApiOperation({ summary: 'Register with enterprise, position, phone and an appeal; runs on the activity sign-up engine' })
  async register(
    @CurrentUser() user: AuthUser,
    @IdParam() id: number,
    @Body() dto: TalkRegisterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TalkRegistrationResponse> {
    const result = await this.talks.register(user, id, dto);
    void reply.status(200);
    return result;
  }

  @Get('me/appeals')
  @Authenticated()
  @ApiOperation({ summary: 'My appeals with their status and answers (only mine), newest first, a page at a time' })
  myAppeals(@CurrentUser() user: AuthUser, @Query() page: KeysetQueryDto): Promise<Page<AppealResponse>> {
    return this.talks.myAppeals(user, page);
  }

  @Get('admin/talks')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Every session, drafts included, newest first, a page at a time' })
  adminList(@Query() page: KeysetQueryDto): Promise<Page<TalkSummary>> {
    return this.talks.adminList(page);
  }

  @Post('admin/talks')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Create a session (draft): theme, date, venue, seats, host departments, registration window' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTalkDto): Promise<TalkSummary> {
    return this.talks.create(user, dto);
  }

  @Patch('admin/talks/:id')
  @Authenticated({ roles: ['ADMIN'] })
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateTalkDto): Promise<TalkSummary> {
    return this.talks.update(user, id, dto);
  }

  @Post('admin/talks/:id/publish')
  @HttpCode(200)
  @Authenticated({ roles: ['ADMIN'] })
  publish(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<TalkSummary> {
    return this.talks.publish(user, id);
  }

  @Get('admin/talks/:id/appeals')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'The appeals raised for a session, with who raised them (phones masked), oldest first, a page at a time' })
  appeals(@IdParam() id: number, @Query() page: KeysetQueryDto): Promise<Page<AdminAppealResponse>> {
    return this.talks.adminAppeals(id, page);
  }

  @Put('admin/appeals/:id')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Answer an appeal and set its status (received, answered, to follow up)' })
  answer(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: AnswerAppealDto): Promise<AppealResponse> {
    return this.talks.answer(user, id, dto);
  }

  @Post('admin/talks/:id/minutes')
  @HttpCode(200)
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Publish the minutes (纪要) of a session' })
  minutes(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: PublishMinutesDto): Promise<TalkSummary> {
    return this.talks.publishMinutes(user, id, dto.minutes);
  }
}
