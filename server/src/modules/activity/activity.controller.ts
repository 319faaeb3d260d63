import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  ActivityDetailResponse,
  ActivityResponse,
  AttendeePhoneResponse,
  AttendeeResponse,
  CheckinCodeResponse,
  MyRegistrationItem,
  Page,
  RegistrationResponse,
} from '@torch-red/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { XLSX_MIME, sendSpreadsheet } from '../../common/xlsx/spreadsheet';
import { ActivityQueryService } from './activity-query.service';
import { ActivityService } from './activity.service';
import { AttendeeExportService } from './attendee-export.service';
import { RegistrationService } from './registration.service';
import {
  ActivityListQueryDto,
  CancelActivityDto,
  CheckinDto,
  CreateActivityDto,
  LeaveDto,
  RegisterDto,
  RejectDto,
  SetAttendanceDto,
  UpdateActivityDto,
} from './dto/activity.dto';

@ApiTags('activities')
@Controller()
export class ActivityController {
  constructor(
    private readonly activities: ActivityService,
    private readonly query: ActivityQueryService,
    private readonly registrations: RegistrationService,
    private readonly roster: AttendeeExportService,
  ) {}

  @Post('activities')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Draft an activity for an organisation you are secretary of (or admin)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateActivityDto): Promise<ActivityResponse> {
    return this.activities.create(user, dto);
  }

  @Patch('activities/:id')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Edit; capacity cannot drop below confirmed seats, answered form fields cannot be removed' })
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateActivityDto): Promise<ActivityResponse> {
    return this.activities.update(user, id, dto);
  }

  @Post('activities/:id/publish')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  publish(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<ActivityResponse> {
    return this.activities.publish(user, id);
  }

  @Post('activities/:id/cancel')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Cancel; everyone registered is told' })
  cancel(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: CancelActivityDto): Promise<ActivityResponse> {
    return this.activities.cancel(user, id, dto.reason);
  }

  @Get('activities')
  @Authenticated({ confirmInQuery: true })
  @ApiOperation({ summary: 'Published activities the caller may see (visibility), newest first or sort=START; filters orgId, chainId, type, from, to' })
  list(@CurrentUser() user: AuthUser, @Query() query: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    return this.query.list(user, query);
  }

  @Get('workspace/activities')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Activities of the organisations I run, drafts included' })
  workspace(@CurrentUser() user: AuthUser, @Query() query: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    return this.query.workspace(user, query);
  }

  @Get('activities/:id')
  @Authenticated({ confirmInQuery: true })
  detail(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<ActivityDetailResponse> {
    return this.query.detail(user, id);
  }

  @Post('activities/:id/registrations')
  @Authenticated()
  @ApiCreatedResponse({ description: 'signed up' })
  @ApiOkResponse({ description: 'already signed up: the same registration' })
  @ApiOperation({ summary: 'Sign up with answers to the form; the same person again gets the same registration (200)' })
  async register(
    @CurrentUser() user: AuthUser,
    @IdParam() id: number,
    @Body() dto: RegisterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationResponse> {
    const { registration, created } = await this.registrations.register(user, id, dto.answers);
    void reply.status(created ? 201 : 200);
    return registration;
  }

  @Delete('activities/:id/registrations/me')
  @Authenticated()
  @ApiOperation({ summary: 'Cancel my registration; the first waitlisted person is promoted' })
  cancelMine(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<RegistrationResponse> {
    return this.registrations.cancelMine(user, id);
  }

  @Post('activities/:id/registrations/me/leave')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '请假: I cannot attend, with a reason' })
  leave(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: LeaveDto): Promise<RegistrationResponse> {
    return this.registrations.leave(user, id, dto.reason);
  }

  @Post('activities/:id/checkin')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Check in with the scanned venue QR text or its 6-digit code' })
  checkin(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: CheckinDto): Promise<RegistrationResponse> {
    return this.registrations.checkin(user, id, dto.code);
  }

  @Get('me/registrations')
  @Authenticated({ confirmInQuery: true })
  myRegistrations(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<MyRegistrationItem>> {
    return this.query.myRegistrations(user, query.limit, query.cursor ? Number(query.cursor) : undefined);
  }

  @Get('activities/:id/registrations')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'The attendee list (phones masked) for the owner secretary' })
  attendees(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<AttendeeResponse[]> {
    return this.roster.attendees(user, id);
  }

  @Post('activities/:id/registrations/:registrationId/approve')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  approve(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('registrationId') registrationId: number): Promise<AttendeeResponse> {
    return this.registrations.approve(user, id, registrationId);
  }

  @Post('activities/:id/registrations/:registrationId/reject')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  reject(
    @CurrentUser() user: AuthUser,
    @IdParam() id: number,
    @IdParam('registrationId') registrationId: number,
    @Body() dto: RejectDto,
  ): Promise<AttendeeResponse> {
    return this.registrations.reject(user, id, registrationId, dto.reason);
  }

  @Post('activities/:id/registrations/:registrationId/attendance')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'Check someone in by hand, or mark leave (请假) / no-show after the event' })
  attendance(
    @CurrentUser() user: AuthUser,
    @IdParam() id: number,
    @IdParam('registrationId') registrationId: number,
    @Body() dto: SetAttendanceDto,
  ): Promise<AttendeeResponse> {
    return this.registrations.setAttendance(user, id, registrationId, dto.attendance, dto.reason);
  }

  @Post('activities/:id/registrations/:registrationId/phone')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: "An attendee's full phone number, to call them (managers of the activity; audited)" })
  attendeePhone(@CurrentUser() user: AuthUser, @IdParam() id: number, @IdParam('registrationId') registrationId: number): Promise<AttendeePhoneResponse> {
    return this.roster.revealPhone(user, id, registrationId);
  }

  @Get('activities/:id/checkin-code')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'The venue QR code: a signed token that rotates every 30 s' })
  checkinCode(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<CheckinCodeResponse> {
    return this.roster.checkinCode(user, id);
  }

  @Get('activities/:id/export')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'The attendee list as .xlsx with form answers and full phone numbers (audited)' })
  async export(@CurrentUser() user: AuthUser, @IdParam() id: number, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.roster.exportXlsx(user, id), 'registrations.xlsx');
  }
}
