import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import {
  NotificationDto,
  NotificationPageDto,
  NotificationQuery,
  ReadAllDto,
  UnreadCountDto,
} from './dto/notification.dto';
import { InboxService } from './inbox.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'List your notifications' })
  @Authenticated()
  @ApiOkResponse({ type: NotificationPageDto, description: 'Own notifications, newest first' })
  list(@Query() q: NotificationQuery, @CurrentUser() user: AuthUser): Promise<Page<NotificationDto>> {
    return this.inbox.list(user, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Count your unread notifications' })
  @Authenticated()
  @ApiOkResponse({ type: UnreadCountDto, description: 'How many own notifications are unread' })
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return this.inbox.unreadCount(user);
  }

  @Post('read-all')
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: ReadAllDto, description: 'Marks every own unread notification read' })
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllDto> {
    return this.inbox.markAllRead(user);
  }

  @Post(':id/read')
  @ApiOperation({ summary: 'Mark a notification read' })
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: NotificationDto, description: 'Marks an own notification read (idempotent)' })
  @ApiNotFoundResponse({ description: "No such notification, or someone else's" })
  read(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<NotificationDto> {
    return this.inbox.markRead(user, id);
  }
}
