import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPEAL_CATEGORIES,
  APPEAL_STATUSES,
  type AnswerAppealRequest,
  type AppealCategory,
  type AppealStatus,
  type CreateTalkRequest,
  type PublishMinutesRequest,
  type TalkRegisterRequest,
  type UpdateTalkRequest,
} from '@torch-red/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIdString, IsIsoTime, IsName, IsNotBlank, IsOptionalId, OptionalOrNull, PartialType, Trim } from '../../../common/validation/decorators';

export class CreateTalkDto implements CreateTalkRequest {
  @IsName(60, '稳链强链与要素保障')
  theme: string;

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ example: '新兴产业党群服务中心 一楼报告厅' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写地点' })
  @MaxLength(200)
  location: string;

  @ApiProperty({ example: '2026-12-18T14:30:00+08:00' })
  @IsIsoTime()
  startAt: string;

  @ApiProperty({ example: '2026-12-18T17:00:00+08:00' })
  @IsIsoTime()
  endAt: string;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsIsoTime()
  signupStartAt?: string | null;

  @ApiProperty({ example: '2026-12-15T18:00:00+08:00' })
  @IsIsoTime()
  signupEndAt: string;

  @ApiProperty({ example: 30 })
  @IsInt({ message: '席位必须是整数' })
  @Min(1)
  @Max(1000)
  capacity: number;

  @ApiProperty({ type: [String], description: 'host departments (from the 14)' })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个承办部门' })
  @ArrayMaxSize(14)
  @IsIdString({ each: true, message: '部门 id 格式不正确' })
  hostDepartmentIds: string[];
}

export class UpdateTalkDto extends PartialType(CreateTalkDto) implements UpdateTalkRequest {}

export class TalkRegisterDto implements TalkRegisterRequest {
  @IsOptionalId('an enterprise from the chain map')
  enterpriseId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'the enterprise name when it is not on the chain map yet' })
  @OptionalOrNull()
  @Trim()
  @IsString()
  @MaxLength(100)
  enterpriseName?: string | null;

  @ApiProperty({ example: '总经理' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写职务' })
  @MaxLength(50)
  position: string;

  @ApiProperty({ example: '13800000006' })
  @Trim()
  @Matches(/^1[3-9][0-9]{9}$/, { message: '请填写 11 位手机号' })
  phone: string;

  @ApiProperty({ enum: APPEAL_CATEGORIES })
  @IsIn(APPEAL_CATEGORIES, { message: '请选择诉求类别' })
  category: AppealCategory;

  @ApiProperty({ example: '希望协调园区内上游企业稳定供应丙烯原料' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写诉求内容' })
  @MaxLength(500, { message: '诉求内容不超过 500 字' })
  appeal: string;
}

export class AnswerAppealDto implements AnswerAppealRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写答复' })
  @MaxLength(2000)
  answer: string;

  @ApiProperty({ enum: APPEAL_STATUSES })
  @IsIn(APPEAL_STATUSES)
  status: AppealStatus;
}

export class PublishMinutesDto implements PublishMinutesRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写纪要' })
  @MaxLength(20000)
  minutes: string;
}
