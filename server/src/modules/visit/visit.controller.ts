import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstructorEnterpriseItem, InstructorSummary, Page, VisitResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { LogVisitDto, SetInstructorEnterprisesDto, VisitListQueryDto } from './dto/visit.dto';
import { VisitService } from './visit.service';

@ApiTags('党建指导员走访')
@Controller()
export class VisitController {
  constructor(private readonly visits: VisitService) {}

  @Get('admin/instructors')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Everyone with the INSTRUCTOR role, with their number of enterprises and visits' })
  instructors(): Promise<InstructorSummary[]> {
    return this.visits.instructors();
  }

  @Get('admin/instructors/:id/enterprises')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: "An instructor's enterprises with the date of the last visit (404 for anyone not an instructor)" })
  instructorEnterprises(@IdParam() id: number): Promise<InstructorEnterpriseItem[]> {
    return this.visits.enterprisesOfInstructor(id);
  }

  @Put('admin/instructors/:id/enterprises')
  @Authenticated({ roles: ['ADMIN'] })
  @ApiOperation({ summary: 'Assign the enterprises an instructor looks after (replaces the list; audited)' })
  setEnterprises(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: SetInstructorEnterprisesDto): Promise<InstructorEnterpriseItem[]> {
    return this.visits.setEnterprises(user, id, dto);
  }

  @Get('instructor/enterprises')
  @Authenticated({ roles: ['INSTRUCTOR'] })
  @ApiOperation({ summary: 'My enterprises with the date of the last visit, least recently visited first' })
  myEnterprises(@CurrentUser() user: AuthUser): Promise<InstructorEnterpriseItem[]> {
    return this.visits.enterprisesOf(user.id);
  }

  @Post('visits')
  @Authenticated({ roles: ['INSTRUCTOR'] })
  @ApiOperation({ summary: 'Log a visit to one of my enterprises; problems marked raiseNeed become needs on its behalf' })
  log(@CurrentUser() user: AuthUser, @Body() dto: LogVisitDto): Promise<VisitResponse> {
    return this.visits.log(user, dto);
  }

  @Get('visits')
  @Authenticated({ roles: ['INSTRUCTOR'] })
  @ApiOperation({ summary: 'My visits (admins: all), the latest first, a page at a time' })
  list(@CurrentUser() user: AuthUser, @Query() q: VisitListQueryDto): Promise<Page<VisitResponse>> {
    return this.visits.list(user, { enterpriseId: q.enterpriseId ? Number(q.enterpriseId) : undefined, instructorId: q.instructorId ? Number(q.instructorId) : undefined }, q);
  }
}
