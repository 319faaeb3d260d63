import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHAIN_ROLES,
  ORG_STATUSES,
  ORG_TYPES,
  type ChainRole,
  type CreateChainRequest,
  type CreateDepartmentRequest,
  type CreateEnterpriseRequest,
  type CreateOrgRequest,
  type EnterpriseListQuery,
  type OrgListQuery,
  type OrgStatus,
  type OrgType,
  type UpdateChainRequest,
  type UpdateDepartmentRequest,
  type UpdateEnterpriseRequest,
  type UpdateOrgRequest,
} from '@torch-red/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsName, IsNotBlank, IsOptionalId, IsRequiredId, Optional, OptionalOrNull, PartialType } from '../../../common/validation/decorators';
import { PageQueryDto } from '../../../common/validation/page-query.dto';

export class CreateOrgDto implements CreateOrgRequest {
  @IsName(100, '明阳风电党支部')
  name: string;

  @ApiProperty({ enum: ORG_TYPES })
  @IsIn(ORG_TYPES, { message: `type 必须是 ${ORG_TYPES.join(' / ')} 之一` })
  type: OrgType;

  @IsOptionalId('parent org (the working committee has none)')
  parentId?: string | null;

  @IsOptionalId('the enterprise this Party organisation sits in')
  enterpriseId?: string | null;
}

export class UpdateOrgDto extends PartialType(CreateOrgDto) implements UpdateOrgRequest {}

export class CreateChainDto implements CreateChainRequest {
  @IsName(100, '风电装备产业链')
  name: string;

  @IsName(50, '新兴')
  industry: string;

  @IsRequiredId('the industry Party committee (产业党委) that leads the chain')
  committeeOrgId: string;

  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'sortOrder 必须是整数' })
  @Min(0)
  @Max(100000)
  sortOrder?: number;
}

export class UpdateChainDto extends PartialType(CreateChainDto) implements UpdateChainRequest {}

export class CreateEnterpriseDto implements CreateEnterpriseRequest {
  @IsName(100, '明阳风电')
  name: string;

  @IsOptionalId('the industry chain')
  chainId?: string | null;

  @ApiPropertyOptional({ enum: CHAIN_ROLES, nullable: true })
  @OptionalOrNull()
  @IsIn(CHAIN_ROLES, { message: `chainRole 必须是 ${CHAIN_ROLES.join(' / ')} 之一` })
  chainRole?: ChainRole | null;

  @ApiPropertyOptional({ type: [String], example: ['专精特新“小巨人”'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20, { message: '荣誉最多 20 项' })
  @IsString({ each: true })
  @MaxLength(50, { each: true, message: '每项荣誉不超过 50 个字' })
  @IsNotBlank({ each: true, message: '荣誉不能为空' })
  honours?: string[];

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(2000, { message: '简介不超过 2000 字' })
  description?: string | null;
}

export class UpdateEnterpriseDto extends PartialType(CreateEnterpriseDto) implements UpdateEnterpriseRequest {}

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @IsName(100, '经济发展局')
  name: string;

  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) implements UpdateDepartmentRequest {}

export class OrgListQueryDto extends PageQueryDto implements OrgListQuery {
  @ApiPropertyOptional({ enum: ORG_TYPES })
  @Optional()
  @IsIn(ORG_TYPES)
  type?: OrgType;

  @IsOptionalId()
  parentId?: string;

  @IsOptionalId()
  enterpriseId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORG_STATUSES })
  @Optional()
  @IsIn(ORG_STATUSES, { message: `status 必须是 ${ORG_STATUSES.join(' / ')} 之一` })
  status?: OrgStatus;
}

export class EnterpriseListQueryDto extends PageQueryDto implements EnterpriseListQuery {
  @IsOptionalId()
  chainId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
