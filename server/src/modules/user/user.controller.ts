import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeResponse, Page, UserResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { UserListQueryDto } from './dto/user.dto';
import { UserService } from './user.service';

@ApiTags('me')
@Controller()
export class UserController {
  constructor(private readonly users: UserService) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The current person, with roles read from the database on every request' })
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.users.me(user.id);
  }

  @Get('orgs/:id/members')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: "Members of an org and its sub-orgs: for that org's secretary, its committee and admins" })
  members(@CurrentUser() user: AuthUser, @IdParam() id: number, @Query() query: UserListQueryDto): Promise<Page<UserResponse>> {
    return this.users.membersOfOrg(user, id, query);
  }
}
