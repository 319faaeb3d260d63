import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DashboardResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { DashboardService } from './dashboard.service';

@ApiTags('数据看板')
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'Live figures per chain and in total (admins: all chains; committee staff: their chains)' })
  figures(@CurrentUser() user: AuthUser): Promise<DashboardResponse> {
    return this.dashboard.figures(user);
  }
}
