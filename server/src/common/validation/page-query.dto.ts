import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, type PageQuery } from '@torch-red/shared';
import { IsIdString, Optional } from './decorators';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ default: LIMITS.pageSizeDefault, maximum: LIMITS.pageSizeMax })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1, { message: 'limit 至少为 1' })
  @Max(LIMITS.pageSizeMax, { message: `limit 最大为 ${LIMITS.pageSizeMax}` })
  limit: number = LIMITS.pageSizeDefault;

  @ApiPropertyOptional({ description: 'opaque cursor from nextCursor' })
  @Optional()
  @IsIdString({ message: 'cursor 无效' })
  cursor?: string;
}
