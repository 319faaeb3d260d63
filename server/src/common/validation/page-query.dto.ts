import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@torch-red/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: LIMITS.pageSizeDefault, maximum: LIMITS.pageSizeMax })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1, { message: 'limit 至少为 1' })
  @Max(LIMITS.pageSizeMax, { message: `limit 最大为 ${LIMITS.pageSizeMax}` })
  limit: number = LIMITS.pageSizeDefault;

  @ApiPropertyOptional({ description: 'opaque cursor from nextCursor' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,15}$/, { message: 'cursor 无效' })
  cursor?: string;
}
