import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RoleGrantResponse, UserResponse } from '@torch-red/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { UserStatusDto } from './dto/user-status.dto';
import { CreateUserDto, GrantRoleDto, UpdateMembershipDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserService } from './user.service';

@ApiTags('admin: people and roles')
@Authenticated({ roles: ['ADMIN'] })
@Controller('admin/users')
export class AdminUserController {
  constructor(private readonly users: UserService) {}

  @Get()
  @ApiOperation({ summary: 'List people; q matches a name fragment or an exact phone number' })
  list(@CurrentUser() user: AuthUser, @Query() query: UserListQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(user, query);
  }

  @Get(':userId')
  get(@CurrentUser() user: AuthUser, @IdParam('userId') id: number): Promise<UserResponse> {
    return this.users.get(user, id);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(user, dto);
  }

  @Patch(':userId')
  update(@CurrentUser() user: AuthUser, @IdParam('userId') id: number, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(user, id, dto);
  }

  @Put(':userId/membership')
  @ApiOperation({ summary: 'Set the org, enterprise and political status of a person' })
  membership(@CurrentUser() user: AuthUser, @IdParam('userId') id: number, @Body() dto: UpdateMembershipDto): Promise<UserResponse> {
    return this.users.updateMembership(user, id, dto);
  }

  @Put(':userId/status')
  @ApiOperation({ summary: 'Disable (also ends all sessions) or re-enable a person; audited. Not yourself, not the last admin' })
  status(@CurrentUser() user: AuthUser, @IdParam('userId') id: number, @Body() dto: UserStatusDto): Promise<UserResponse> {
    return this.users.setDisabled(user, id, dto.disabled);
  }

  @Post(':userId/sessions/revoke')
  @HttpCode(204)
  @ApiOperation({ summary: "End all of a person's sessions: their tokens stop working on the next request; audited" })
  revokeSessions(@CurrentUser() user: AuthUser, @IdParam('userId') id: number): Promise<void> {
    return this.users.revokeSessions(user, id);
  }

  @Post(':userId/roles')
  @ApiCreatedResponse({ description: 'the new grant' })
  @ApiOkResponse({ description: 'the person already holds it: that grant' })
  @ApiOperation({ summary: 'Grant a scoped role; granting one the person already holds returns that grant (200)' })
  async grant(
    @CurrentUser() user: AuthUser,
    @IdParam('userId') id: number,
    @Body() dto: GrantRoleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoleGrantResponse> {
    const { grant, created } = await this.users.grantRole(user, id, dto);
    void reply.status(created ? 201 : 200);
    return grant;
  }

  @Delete(':userId/roles/:grantId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a grant; it stops working on the next request' })
  revoke(@CurrentUser() user: AuthUser, @IdParam('userId') id: number, @IdParam('grantId') grantId: number): Promise<void> {
    return this.users.revokeRole(user, id, grantId);
  }
}
