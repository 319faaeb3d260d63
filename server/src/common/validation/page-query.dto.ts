import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, type PageQuery } from '@torch-red/shared';
import { IsIdString, Optional } from './decorators';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** The page size every list takes: default LIMITS.pageSizeDefault, at most LIMITS.pageSizeMax. */
export class LimitQueryDto implements Pick<PageQuery, 'limit'> {
  @ApiPropertyOptional({ default: LIMITS.pageSizeDefault, maximum: LIMITS.pageSizeMax })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1, { message: 'limit 至少为 1' })
  @Max(LIMITS.pageSizeMax, { message: `limit 最大为 ${LIMITS.pageSizeMax}` })
  limit: number = LIMITS.pageSizeDefault;
}

export class PageQueryDto extends LimitQueryDto implements PageQuery {
  @ApiPropertyOptional({ description: 'opaque cursor from nextCursor' })
  @Optional()
  @IsIdString({ message: 'cursor 无效' })
  cursor?: string;
}

/** A page of a keyset list (database/keyset.ts): the cursor is opaque base64url; its content is checked when decoded. */
export class KeysetQueryDto extends LimitQueryDto implements PageQuery {
  @ApiPropertyOptional({ description: 'opaque cursor from nextCursor' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor 无效' })
  cursor?: string;
}
