import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AuditLogQuery, AuditLogResponse, Page } from '@torch-red/shared';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Authenticated } from '../../common/auth/access.decorator';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { AuditService } from './audit.service';

class AuditQueryDto extends PageQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ example: 'org' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,15}$/)
  actorId?: string;
}

@ApiTags('admin: audit log')
@Authenticated({ roles: ['ADMIN'] })
@Controller('admin/audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Every admin write: who, what, when, before/after (newest first)' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditLogResponse>> {
    return this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId ? Number(query.actorId) : undefined,
      limit: query.limit,
      cursor: query.cursor ? Number(query.cursor) : undefined,
    });
  }
}
