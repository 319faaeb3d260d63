import { KeysetQueryDto } from '../../../common/validation/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NEED_CATEGORIES,
  NEED_LIMITS,
  NEED_STATUSES,
  NEED_URGENCIES,
  type AnswerNeedRequest,
  type DispatchItem,
  type DispatchNeedRequest,
  type MergeNeedRequest,
  type NeedCategory,
  type NeedListQuery,
  type NeedStatus,
  type NeedUrgency,
  type NoteRequest,
  type RaiseNeedRequest,
  type RateNeedRequest,
} from '@torch-red/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { EachNested, IsIdString, IsIsoTime, IsOptionalId, IsRequiredId, OptionalText, Optional, RequiredText } from '../../../common/validation/decorators';

export class RaiseNeedDto implements RaiseNeedRequest {
  @IsOptionalId('the enterprise; defaults to the caller\u2019s')
  enterpriseId?: string | null;

  @ApiProperty({ enum: NEED_CATEGORIES })
  @IsIn(NEED_CATEGORIES, { message: '请选择需求类别' })
  category: NeedCategory;

  @ApiProperty({ enum: NEED_URGENCIES })
  @IsIn(NEED_URGENCIES, { message: '请选择紧急程度' })
  urgency: NeedUrgency;

  @RequiredText(100, '标题', '丙烯原料供应不稳定')
  title: string;

  @RequiredText(2000, '需求描述', '近两个月上游装置检修，丙烯到货量减少三成，影响正常生产。')
  description: string;

  @ApiPropertyOptional({ type: [String], description: 'uploaded image ids (POST /api/images)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(NEED_LIMITS.maxImages, { message: `最多上传 ${NEED_LIMITS.maxImages} 张图片` })
  @IsIdString({ each: true, message: '图片 id 格式不正确' })
  imageIds?: string[];
}

export class DispatchItemDto implements DispatchItem {
  @IsRequiredId('one of the 14 functional departments')
  departmentId: string;

  @ApiProperty({ example: '2026-12-10T18:00:00+08:00' })
  @IsIsoTime()
  deadline: string;
}

export class DispatchNeedDto implements DispatchNeedRequest {
  @ApiProperty({ type: [DispatchItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个承办部门' })
  @ArrayMaxSize(NEED_LIMITS.maxAssignments)
  @EachNested(() => DispatchItemDto)
  assignments: DispatchItemDto[];

  @OptionalText(500, '派单说明')
  note?: string | null;
}

export class AnswerNeedDto implements AnswerNeedRequest {
  @RequiredText(2000, '答复')
  answer: string;
}

export class MergeNeedDto implements MergeNeedRequest {
  @IsRequiredId('the need this one duplicates')
  targetNeedId: string;

  @OptionalText(500, '说明')
  note?: string | null;
}

export class NoteDto implements NoteRequest {
  @RequiredText(1000, '说明')
  note: string;
}

export class ResolveAssignmentDto implements AnswerNeedRequest {
  @RequiredText(2000, '办理结果')
  answer: string;
}

export class RateNeedDto implements RateNeedRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: '评分必须是 1 到 5 的整数' })
  @Min(1, { message: '评分必须是 1 到 5 的整数' })
  @Max(5, { message: '评分必须是 1 到 5 的整数' })
  rating: number;

  @OptionalText(500, '评价')
  comment?: string | null;
}

/** The ledger's filters and page (the export takes the same filters and ignores the page). */
export class NeedListQueryDto extends KeysetQueryDto implements NeedListQuery {
  @ApiPropertyOptional({ enum: NEED_STATUSES })
  @Optional()
  @IsIn(NEED_STATUSES)
  status?: NeedStatus;

  @ApiPropertyOptional({ enum: NEED_CATEGORIES })
  @Optional()
  @IsIn(NEED_CATEGORIES)
  category?: NeedCategory;

  @ApiPropertyOptional()
  @Optional()
  @IsIdString()
  chainId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsIdString()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'only needs with an assignment past its deadline' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
