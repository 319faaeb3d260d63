import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AuditLogQuery, AuditLogResponse, Page } from '@torch-red/shared';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Authenticated } from '../../common/auth/access.decorator';
import { IdParam } from '../../common/validation/id.pipe';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { AuditService } from './audit.service';

const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

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

  @ApiPropertyOptional({ example: 'role.grant', description: 'one action, or every action of a kind when it ends with a dot (talk.)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,63}$/, { message: '操作类型格式不正确' })
  action?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'first day, China time, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: '开始日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'last day, China time, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: '结束日期格式应为 YYYY-MM-DD' })
  to?: string;
}

@ApiTags('admin: audit log')
@Authenticated({ roles: ['ADMIN'] })
@Controller('admin/audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Every admin write: who, what, when, before/after (newest first); by person, action, object and China-time days' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditLogResponse>> {
    return this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId ? Number(query.actorId) : undefined,
      action: query.action,
      from: query.from,
      to: query.to,
      limit: query.limit,
      cursor: query.cursor ? Number(query.cursor) : undefined,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One entry with its before and after' })
  detail(@IdParam() id: number): Promise<AuditLogResponse> {
    return this.audit.entry(id);
  }
}
