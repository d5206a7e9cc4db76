import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Notification } from './notification.entity';

/*
 * The notification table (the in-app inbox), for NotificationsService (writes in the caller's
 * transaction) and InboxService (a user's own rows, on the pool). Issue 14 item 4: the services
 * hold the rules, this file the SQL.
 */

/** One in-app notification to insert; `payload` is already JSON text. */
export interface NewNotificationRow {
  recipientUserId: string;
  kind: string;
  title: string;
  body: string;
  payload: string;
  dedupKey: string;
}

export interface InsertedNotification {
  id: string;
  recipientUserId: string;
  dedupKey: string;
}

export type InboxRow = Pick<
  Notification,
  'id' | 'kind' | 'title' | 'body' | 'payload' | 'createdAt' | 'readAt'
>;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement for all rows, in the given order (the caller sorts by dedup key so that two
   * transactions inserting the same keys wait for each other in one order, never crosswise).
   * A dedup key already stored inserts nothing; the new rows are returned.
   */
  async insertMany(m: EntityManager, rows: readonly NewNotificationRow[]): Promise<InsertedNotification[]> {
    if (!rows.length) return [];
    const col = <K extends keyof NewNotificationRow>(k: K) => rows.map((r) => r[k]);
    return m.query(
      `INSERT INTO notification (recipient_user_id, kind, title, body, payload, dedup_key)
       SELECT x.r, x.kind, x.title, x.body, x.payload::jsonb, x.dedup_key
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS x(r, kind, title, body, payload, dedup_key)
       ON CONFLICT (dedup_key) DO NOTHING
       RETURNING id, recipient_user_id AS "recipientUserId", dedup_key AS "dedupKey"`,
      [col('recipientUserId'), col('kind'), col('title'), col('body'), col('payload'), col('dedupKey')],
    );
  }

  /** A page of the user's notifications, newest first, and how many there are in all. */
  pageFor(
    userId: string,
    filter: { unread?: boolean; skip: number; take: number },
  ): Promise<[Notification[], number]> {
    const where: FindOptionsWhere<Notification> = { recipientUserId: userId };
    if (filter.unread === true) where.readAt = IsNull();
    if (filter.unread === false) where.readAt = Not(IsNull());
    return this.dataSource.manager.findAndCount(Notification, {
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: filter.skip,
      take: filter.take,
    });
  }

  /** Marks the user's notification read (a read one keeps its first time); null if not theirs. */
  async markRead(userId: string, id: string): Promise<InboxRow | null> {
    const [rows] = await this.dataSource.query<[InboxRow[], number]>(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE id = $1 AND recipient_user_id = $2
        RETURNING id, kind, title, body, payload, created_at AS "createdAt", read_at AS "readAt"`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  /** Returns how many were unread. */
  async markAllRead(userId: string): Promise<number> {
    const [, updated] = await this.dataSource.query<[unknown[], number]>(
      'UPDATE notification SET read_at = now() WHERE recipient_user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return updated;
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource.manager.count(Notification, {
      where: { recipientUserId: userId, readAt: IsNull() },
    });
  }
}
