import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryChannel } from './notification-delivery.entity';

/*
 * The notification_delivery table (outside channels), for NotificationsService (inserts in the
 * caller's transaction, the sweep of pending rows) and DeliveryService (claim and outcome of one
 * send, each its own statement on the pool). Issue 14 item 4.
 */

export interface NewDeliveryRow {
  channel: DeliveryChannel;
  target: string;
  dedup_key: string;
  payload: Record<string, unknown>;
  notification_id: string | null;
}

export interface ClaimedDelivery {
  id: string;
  channel: DeliveryChannel;
  target: string;
  payload: Record<string, unknown>;
}

@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the rows whose dedup key is new; returns their ids. */
  async insertMany(m: EntityManager, rows: readonly NewDeliveryRow[]): Promise<string[]> {
    if (!rows.length) return [];
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO notification_delivery (notification_id, channel, target, dedup_key, payload)
       SELECT x.notification_id, x.channel, x.target, x.dedup_key, x.payload
         FROM jsonb_to_recordset($1::jsonb)
           AS x(notification_id uuid, channel text, target text, dedup_key text, payload jsonb)
       ON CONFLICT (dedup_key) DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.map((r) => r.id);
  }

  /** Pending deliveries created more than `olderThanMs` ago, oldest first. */
  async pendingIds(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_delivery
        WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Claims a pending delivery nobody holds for `seconds` and counts the attempt; null when it is
   * not pending or another run holds it.
   */
  async claim(id: string, seconds: number): Promise<ClaimedDelivery | null> {
    const [claimed] = await this.dataSource.query<[ClaimedDelivery[], number]>(
      `UPDATE notification_delivery
          SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
        RETURNING id, channel, target, payload`,
      [id, seconds],
    );
    return claimed[0] ?? null;
  }

  async statusOf(id: string): Promise<string | null> {
    const [current] = await this.dataSource.query<{ status: string }[]>(
      'SELECT status FROM notification_delivery WHERE id = $1',
      [id],
    );
    return current?.status ?? null;
  }

  /** Releases the claim with the error: back to pending for a retry, or failed when `giveUp`. */
  async markAttemptFailed(id: string, error: string, giveUp: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET last_error = $2, claimed_until = NULL, updated_at = now(),
              status = CASE WHEN $3::boolean THEN 'failed' ELSE 'pending' END
        WHERE id = $1`,
      [id, error, giveUp],
    );
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }
}
