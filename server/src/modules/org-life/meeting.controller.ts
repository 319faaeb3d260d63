import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeetingActivityItem, MeetingCalendarResponse, MeetingDetail, MeetingSummary, MyMeetingItem, Page } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { IdParam } from '../../common/validation/id.pipe';
import { KeysetQueryDto } from '../../common/validation/page-query.dto';
import { MeetingInputDto, MeetingListQueryDto, MeetingYearQueryDto, SetAttendeesDto } from './dto/org-life.dto';
import { MeetingComplianceService } from './meeting-compliance.service';
import { MeetingQueryService, yearOrCurrent } from './meeting-query.service';
import { MeetingRecordService } from './meeting-record.service';

/** 组织生活 records: the secretary's workspace, one record, and 我的组织生活. */
@ApiTags('组织生活')
@Controller()
export class MeetingController {
  constructor(
    private readonly records: MeetingRecordService,
    private readonly query: MeetingQueryService,
    private readonly compliance: MeetingComplianceService,
    private readonly clock: Clock,
  ) {}

  @Post('workspace/orgs/:orgId/meetings')
  @Authenticated({ roles: ['SECRETARY'] })
  @ApiOperation({ summary: 'Record a meeting (DRAFT) for an organisation I am secretary of; with fromActivityId, attendance (and cover photo) come from that ended activity' })
  create(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Body() dto: MeetingInputDto): Promise<MeetingDetail> {
    return this.records.create(user, orgId, dto);
  }

  @Get('workspace/orgs/:orgId/meetings')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: "An organisation's records, drafts included (its secretaries, committee staff above it, admins); newest first, a page at a time" })
  list(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Query() q: MeetingListQueryDto): Promise<Page<MeetingSummary>> {
    return this.query.list(user, orgId, q);
  }

  @Get('workspace/orgs/:orgId/meeting-activities')
  @Authenticated({ roles: ['SECRETARY'] })
  @ApiOperation({ summary: 'Ended activities of the organisation that no record was made from yet, newest first (at most 50)' })
  activities(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number): Promise<MeetingActivityItem[]> {
    return this.query.activityChoices(user, orgId);
  }

  @Get('workspace/orgs/:orgId/meeting-calendar')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: 'The year of required meetings: every period of each required kind, done / due / overdue / upcoming, with its records' })
  calendar(@CurrentUser() user: AuthUser, @IdParam('orgId') orgId: number, @Query() q: MeetingYearQueryDto): Promise<MeetingCalendarResponse> {
    return this.compliance.calendar(user, orgId, yearOrCurrent(q.year, this.clock.now()));
  }

  @Get('meetings/:id')
  @Authenticated()
  @ApiOperation({ summary: 'One record with attendance and minutes: its org’s secretaries, committee above, admins; once archived also its members and those counted in it (others: 404)' })
  detail(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<MeetingDetail> {
    return this.query.detail(user, id);
  }

  @Put('workspace/meetings/:id')
  @Authenticated({ roles: ['SECRETARY'] })
  @ApiOperation({ summary: 'Edit a DRAFT (archived: 409 MEETING_ARCHIVED)' })
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: MeetingInputDto): Promise<MeetingDetail> {
    return this.records.update(user, id, dto);
  }

  @Put('workspace/meetings/:id/attendees')
  @Authenticated({ roles: ['SECRETARY'] })
  @ApiOperation({ summary: 'Replace a DRAFT’s attendance list; everyone must be a member of the organisation (422 MEETING_ATTENDEE_INVALID), 请假 needs a reason' })
  attendees(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: SetAttendeesDto): Promise<MeetingDetail> {
    return this.records.setAttendees(user, id, dto.attendees);
  }

  @Post('workspace/meetings/:id/archive')
  @HttpCode(200)
  @Authenticated({ roles: ['SECRETARY'] })
  @ApiOperation({ summary: 'Archive a DRAFT (needs a topic and at least one attendee: 422 MEETING_INCOMPLETE names what is missing); read-only from then on' })
  archive(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<MeetingDetail> {
    return this.records.archive(user, id);
  }

  @Delete('workspace/meetings/:id')
  @HttpCode(204)
  @Authenticated({ roles: ['SECRETARY'] })
  @ApiOperation({ summary: 'Delete a DRAFT (archived: 409 MEETING_ARCHIVED)' })
  remove(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<void> {
    return this.records.remove(user, id);
  }

  @Get('me/meetings')
  @Authenticated()
  @ApiOperation({ summary: '我的组织生活: archived records of my organisation and those I was counted in, with how I was counted; newest first' })
  mine(@CurrentUser() user: AuthUser, @Query() page: KeysetQueryDto): Promise<Page<MyMeetingItem>> {
    return this.query.mine(user, page);
  }
}
