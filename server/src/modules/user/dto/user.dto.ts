import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  POLITICAL_STATUSES,
  ROLES,
  type CreateUserRequest,
  type GrantRoleRequest,
  type PoliticalStatus,
  type Role,
  type UpdateMembershipRequest,
  type UpdateUserRequest,
  type UserListQuery,
} from '@torch-red/shared';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsName, IsOptionalId, Optional, OptionalOrNull, Trim } from '../../../common/validation/decorators';
import { PageQueryDto } from '../../../common/validation/page-query.dto';

const PHONE = /^1[3-9][0-9]{9}$/;

export class CreateUserDto implements CreateUserRequest {
  @IsName(100, '张伟')
  name: string;

  @ApiPropertyOptional({ nullable: true, example: '13812345678' })
  @OptionalOrNull()
  @Trim()
  @Matches(PHONE, { message: '手机号格式不正确（11 位手机号）' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(128)
  openid?: string | null;

  @IsOptionalId()
  orgId?: string | null;

  @IsOptionalId()
  enterpriseId?: string | null;

  @ApiPropertyOptional({ enum: POLITICAL_STATUSES, nullable: true })
  @OptionalOrNull()
  @IsIn(POLITICAL_STATUSES, { message: `politicalStatus 必须是 ${POLITICAL_STATUSES.join(' / ')} 之一` })
  politicalStatus?: PoliticalStatus | null;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @Optional()
  @IsName(100, '张伟')
  name?: string;

  @ApiPropertyOptional({ nullable: true, example: '13812345678' })
  @OptionalOrNull()
  @Trim()
  @Matches(PHONE, { message: '手机号格式不正确（11 位手机号）' })
  phone?: string | null;
}

export class UpdateMembershipDto implements UpdateMembershipRequest {
  @IsOptionalId('Party organisation (null to clear)')
  orgId?: string | null;

  @IsOptionalId('enterprise (null to clear)')
  enterpriseId?: string | null;

  @ApiPropertyOptional({ enum: POLITICAL_STATUSES, nullable: true })
  @OptionalOrNull()
  @IsIn(POLITICAL_STATUSES, { message: `politicalStatus 必须是 ${POLITICAL_STATUSES.join(' / ')} 之一` })
  politicalStatus?: PoliticalStatus | null;
}

export class GrantRoleDto implements GrantRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role 必须是 ${ROLES.join(' / ')} 之一` })
  role: Role;

  @IsOptionalId('required for SECRETARY (a Party organisation) and COMMITTEE (an industry committee)')
  orgId?: string;

  @IsOptionalId('required for DEPARTMENT')
  departmentId?: string;
}

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'name fragment, or an exact phone number' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptionalId()
  orgId?: string;
}
