import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import type { NotificationDto, NotificationQuery } from './dto/notification.dto';
import { Notification } from './notification.entity';

/** A user's own in-app notifications. Someone else's notification is a 404, never a 403. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, q: NotificationQuery): Promise<Page<NotificationDto>> {
    const where: FindOptionsWhere<Notification> = { recipientUserId: user.id };
    if (q.unread === true) where.readAt = IsNull();
    if (q.unread === false) where.readAt = Not(IsNull());
    const [rows, total] = await this.dataSource.manager.findAndCount(Notification, {
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return page(rows.map(toDto), total, q);
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationDto> {
    const [rows] = await this.dataSource.query<[Notification[], number]>(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE id = $1 AND recipient_user_id = $2
        RETURNING id, kind, title, body, payload, created_at AS "createdAt", read_at AS "readAt"`,
      [id, user.id],
    );
    if (!rows[0]) throw new NotFoundError('Notification');
    return toDto(rows[0]);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    const [, updated] = await this.dataSource.query<[unknown[], number]>(
      'UPDATE notification SET read_at = now() WHERE recipient_user_id = $1 AND read_at IS NULL',
      [user.id],
    );
    return { updated };
  }

  async unreadCount(user: AuthUser): Promise<{ count: number }> {
    const count = await this.dataSource.manager.count(Notification, {
      where: { recipientUserId: user.id, readAt: IsNull() },
    });
    return { count };
  }
}

function toDto(
  n: Pick<Notification, 'id' | 'kind' | 'title' | 'body' | 'payload' | 'createdAt' | 'readAt'>,
): NotificationDto {
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
