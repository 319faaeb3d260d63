import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DashboardResponse, TodoResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { DashboardService } from './dashboard.service';
import { TodoService } from './todo.service';

@ApiTags('数据看板')
@Controller()
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly todos: TodoService,
  ) {}

  @Get('dashboard')
  @Authenticated({ roles: ['COMMITTEE'] })
  @ApiOperation({ summary: 'Live figures per chain and in total (admins: all chains; committee staff: their chains)' })
  figures(@CurrentUser() user: AuthUser): Promise<DashboardResponse> {
    return this.dashboard.figures(user);
  }

  @Get('me/todo')
  @Authenticated()
  @ApiOperation({ summary: '待办: per role, counts of what I may act on (pending registrations, today\u2019s check-ins, needs to dispatch, brands to review, overdue, assignments to accept or due soon, enterprises to visit); none for a plain member' })
  todo(@CurrentUser() user: AuthUser): Promise<TodoResponse> {
    return this.todos.todo(user);
  }
}
