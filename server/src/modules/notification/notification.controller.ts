import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationResponse, Page, UnreadCountResponse } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { NotificationService } from './notification.service';

@ApiTags('me: messages')
@Authenticated()
@Controller('me/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app messages (reminders), newest first' })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<NotificationResponse>> {
    return this.notifications.list(user.id, query.limit, query.cursor ? Number(query.cursor) : undefined);
  }

  @Get('unread-count')
  async unread(@CurrentUser() user: AuthUser): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }

  @Post('read-all')
  @HttpCode(204)
  readAll(@CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markAllRead(user.id);
  }
}
