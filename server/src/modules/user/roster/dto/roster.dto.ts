import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PARTY_POSTS,
  POLITICAL_STATUSES,
  type MarkLeftRequest,
  type PartyPost,
  type PoliticalStatus,
  type RosterBoundFilter,
  type RosterListQuery,
  type UpdateRosterPersonRequest,
} from '@torch-red/shared';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsName, IsOptionalId, IsRequiredId, Optional, OptionalOrNull, Trim } from '../../../../common/validation/decorators';
import { PageQueryDto } from '../../../../common/validation/page-query.dto';
import { MOBILE } from '../roster-rows';

const FILTER_ROLES = ['SECRETARY', 'COMMITTEE', 'DEPARTMENT', 'INSTRUCTOR', 'ADMIN'] as const;

export class RosterListQueryDto extends PageQueryDto implements RosterListQuery {
  @ApiPropertyOptional({ description: 'name fragment, or an exact phone number' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: POLITICAL_STATUSES })
  @Optional()
  @IsIn(POLITICAL_STATUSES, { message: `politicalStatus 必须是 ${POLITICAL_STATUSES.join(' / ')} 之一` })
  politicalStatus?: PoliticalStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: has signed in (an account is attached); false: not yet' })
  @Optional()
  @IsIn(['true', 'false'], { message: 'bound 必须是 true 或 false' })
  bound?: RosterBoundFilter;

  @ApiPropertyOptional({ enum: FILTER_ROLES, description: 'holds this role (any scope)' })
  @Optional()
  @IsIn(FILTER_ROLES, { message: `role 必须是 ${FILTER_ROLES.join(' / ')} 之一` })
  role?: (typeof FILTER_ROLES)[number];
}

export class UpdateRosterPersonDto implements UpdateRosterPersonRequest {
  @IsName(100, '张伟')
  name: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'left out: unchanged' })
  @Optional()
  @Trim()
  @IsString()
  @Matches(MOBILE, { message: '手机号格式不正确（11 位中国大陆手机号）' })
  phone?: string;

  @IsRequiredId('Party organisation')
  orgId: string;

  @IsOptionalId('enterprise (null: none)')
  enterpriseId: string | null;

  @ApiProperty({ enum: POLITICAL_STATUSES })
  @IsIn(POLITICAL_STATUSES, { message: `politicalStatus 必须是 ${POLITICAL_STATUSES.join(' / ')} 之一` })
  politicalStatus: PoliticalStatus;

  @ApiProperty({ enum: PARTY_POSTS, nullable: true })
  @OptionalOrNull()
  @IsIn(PARTY_POSTS, { message: `partyPost 必须是 ${PARTY_POSTS.join(' / ')} 之一` })
  partyPost: PartyPost | null;

  @ApiProperty({ nullable: true, example: '2010-07-01' })
  @OptionalOrNull()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '入党日期格式应为 2010-07-01' })
  partyJoinedAt: string | null;
}

export class MarkLeftDto implements MarkLeftRequest {
  @ApiPropertyOptional({ description: 'kept in the audit log', example: '转出至其他园区' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  reason?: string;
}
