import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import type { NotificationDto, NotificationQuery } from './dto/notification.dto';
import { NotificationsRepository, type InboxRow } from './notifications.repository';

/** A user's own in-app notifications. Someone else's notification is a 404, never a 403. */
@Injectable()
export class InboxService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(user: AuthUser, q: NotificationQuery): Promise<Page<NotificationDto>> {
    const [rows, total] = await this.notifications.pageFor(user.id, {
      unread: q.unread,
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return page(rows.map(toDto), total, q);
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(user.id, id);
    if (!row) throw new NotFoundError('Notification');
    return toDto(row);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(user.id) };
  }

  async unreadCount(user: AuthUser): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(user.id) };
  }
}

function toDto(n: InboxRow): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    payload: n.payload,
    createdAt: new Date(n.createdAt).toISOString(),
    readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
  };
}
