import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { NotificationQuery } from '../../../notifications/dto/notification.dto';
import { InboxService } from '../../../notifications/inbox.service';
import { redirect, render } from '../../render';
import { pageNumber } from '../officer-query';
import { NotificationsPage } from './notifications-page';

/** The officer's inbox (the API's InboxService). */
@ApiExcludeController()
@Controller('officer')
export class NotificationsPagesController {
  constructor(private readonly inbox: InboxService) {}

  @Get('notifications')
  @Allow('officer')
  async notifications(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('page') pageQ?: string,
  ) {
    const list = await this.inbox.list(
      user,
      Object.assign(new NotificationQuery(), { page: pageNumber(pageQ), pageSize: 30 }),
    );
    return render(reply, <NotificationsPage list={list} />);
  }

  @Post('notifications/read-all')
  @Allow('officer')
  async readAll(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    await this.inbox.markAllRead(user);
    return redirect(reply, '/officer/notifications');
  }
}
