import { KeysetQueryDto } from '../../../common/validation/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NEED_CATEGORIES,
  NEED_URGENCIES,
  type LogVisitRequest,
  type NeedCategory,
  type NeedUrgency,
  type SetInstructorEnterprisesRequest,
  type VisitListQuery,
  type VisitProblemInput,
} from '@torch-red/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { EachNested, IsIdString, IsNotBlank, IsOptionalId, IsRequiredId, Optional, Trim } from '../../../common/validation/decorators';

export class SetInstructorEnterprisesDto implements SetInstructorEnterprisesRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsIdString({ each: true, message: '企业 id 格式不正确' })
  enterpriseIds: string[];
}

export class VisitProblemDto implements VisitProblemInput {
  @ApiProperty({ example: '环评手续办理进度慢' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写问题' })
  @MaxLength(100)
  title: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写问题说明' })
  @MaxLength(2000)
  description: string;

  @ApiProperty({ enum: NEED_CATEGORIES })
  @IsIn(NEED_CATEGORIES, { message: '请选择问题类别' })
  category: NeedCategory;

  @ApiPropertyOptional({ enum: NEED_URGENCIES })
  @Optional()
  @IsIn(NEED_URGENCIES)
  urgency?: NeedUrgency;

  @ApiPropertyOptional({ description: 'raise this problem as a need on the enterprise\u2019s behalf' })
  @Optional()
  @IsBoolean()
  raiseNeed?: boolean;
}

export class LogVisitDto implements LogVisitRequest {
  @IsRequiredId()
  enterpriseId: string;

  @ApiProperty({ example: '2026-11-27' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 2026-11-27' })
  visitedOn: string;

  @ApiProperty({ example: '王军（董事长）、陈静（党支部书记）' })
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写走访对象' })
  @MaxLength(500)
  peopleMet: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotBlank({ message: '请填写交流内容' })
  @MaxLength(5000)
  discussed: string;

  @ApiProperty({ type: [VisitProblemDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @EachNested(() => VisitProblemDto)
  problems: VisitProblemDto[];
}

export class VisitListQueryDto extends KeysetQueryDto implements VisitListQuery {
  @IsOptionalId('only visits to this enterprise')
  enterpriseId?: string;

  @IsOptionalId('admins: only this instructor\'s visits')
  instructorId?: string;
}
