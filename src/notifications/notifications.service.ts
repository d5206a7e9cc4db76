import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OfficersDirectory } from '../access/officers-directory';
import { AppConfig } from '../platform/config/app-config';
import { OutboxService } from '../platform/database/outbox.service';
import { JobName } from '../platform/queue/job-name';
import { JobQueue } from '../platform/queue/job-queue.service';
import { QueueName } from '../platform/queue/queue-name';
import type { OutboxEvent } from '../platform/database/outbox-event.entity';
import { OutboxRoute, type RoutedJob } from '../platform/queue/outbox-routes';
import { RegionsService } from '../regions/regions.service';
import type { SiteChannel } from '../regions/site.entity';
import type { ChannelText } from './channels/channel-text';
import { emailMessage } from './channels/email-channel';
import { dingtalkMarkdown, wecomMarkdown } from './channels/robot-messages';
import {
  deliveryJobId,
  deliveryJobOptions,
  routeDeliveries,
  type DeliveriesEventPayload,
} from './delivery-jobs';
import { DeliveriesRepository, type NewDeliveryRow } from './deliveries.repository';
import { NotificationsRepository, type InsertedNotification } from './notifications.repository';
import { assertNoPersonalData } from './personal-data-guard';

export interface NotifyUsersInput {
  /** User ids (app_user.id). Duplicates are sent once. */
  recipients: string[];
  kind: string;
  title: string;
  body: string;
  /** Ids, counts and a `link` path; never personal data (refused). */
  payload: Record<string, unknown>;
  /** The event, e.g. `match:<postingId>:v<version>:site:<siteId>`; `:user:<id>` is appended. */
  dedupKeyPrefix: string;
}

export interface NotifySiteChannelsInput {
  siteIds: string[];
  title: string;
  /**
   * Body for the robots (WeCom / DingTalk markdown), written with `channelText`: the values are
   * escaped for each format. Links must be absolute to be clickable there.
   */
  markdown: ChannelText;
  /** Body for e-mail (text and HTML), written with `channelText`. */
  text: ChannelText;
  /**
   * The event; `:<channel>:<target hash>` is appended, so a robot shared by several of the
   * sites gets the message once. Put the site in the prefix when the message differs per site.
   */
  dedupKeyPrefix: string;
}

export interface JobAlertInput {
  residentUserId: string;
  postingId: string;
  postingVersion: number;
  title: string;
  body: string;
  /** Ids and a `link`; never personal data. */
  payload?: Record<string, unknown>;
  /** When given, also an SMS through the SmsSender port (the phone is resolved at send time). */
  smsText?: string;
}

function targetHash(target: string): string {
  return createHash('sha256').update(target).digest('hex').slice(0, 16);
}

/**
 * Notifications for the other modules (matching, applications, placements). Every write runs in
 * the caller's transaction and is idempotent through its dedup key, so a retried job inserts
 * nothing twice.
 *
 * Outside deliveries are handed to BullMQ through the outbox, not by a separate poller: the
 * rows and one `notification.deliveries` outbox event are written in the caller's transaction,
 * the relay (already running in every worker, FOR UPDATE SKIP LOCKED) turns the event into one
 * job per delivery with the fixed id `delivery.<id>`. So nothing is enqueued before commit,
 * nothing is lost when Redis is away (the event waits), and a replay adds nothing twice.
 * `dispatchPending()` (scheduled sweep) re-adds pending deliveries in case Redis lost them;
 * the fixed job id and the status check in DeliveryService make that harmless.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly officers: OfficersDirectory,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
    private readonly queues: JobQueue,
    private readonly config: AppConfig,
  ) {}

  /** The outbox event of a batch of deliveries becomes one job per delivery (see above). */
  @OutboxRoute('notification.deliveries')
  deliveriesRoute(e: OutboxEvent): RoutedJob[] {
    return routeDeliveries(e, this.config.notifyRetryDelayMs);
  }

  /** One in-app notification per recipient; returns how many were new. */
  notifyUsers(manager: EntityManager, input: NotifyUsersInput): Promise<number> {
    return this.notifyUsersMany(manager, [input]);
  }

  /** notifyUsers for several events in one statement (the matching worker's batches). */
  async notifyUsersMany(manager: EntityManager, inputs: readonly NotifyUsersInput[]): Promise<number> {
    return (await this.insertNotifications(manager, inputs)).length;
  }

  /** One pending delivery per configured channel target of the sites; returns how many were new. */
  notifySiteChannels(manager: EntityManager, input: NotifySiteChannelsInput): Promise<number> {
    return this.notifySiteChannelsMany(manager, [input]);
  }

  /** notifySiteChannels for several events: one read of the sites, one insert. */
  async notifySiteChannelsMany(
    manager: EntityManager,
    inputs: readonly NotifySiteChannelsInput[],
  ): Promise<number> {
    const sites = new Map(
      (await this.regions.findSites([...new Set(inputs.flatMap((i) => i.siteIds))])).map((s) => [s.id, s]),
    );
    const byKey = new Map<string, NewDeliveryRow>();
    for (const input of inputs)
      for (const siteId of new Set(input.siteIds)) {
        const site = sites.get(siteId);
        if (site) this.siteDeliveries(input, site.channels ?? [], byKey);
      }
    return (await this.insertDeliveries(manager, [...byKey.values()])).length;
  }

  /** The deliveries of one event to one site's channels, keyed by dedup key (a shared robot once). */
  private siteDeliveries(
    input: NotifySiteChannelsInput,
    channels: readonly SiteChannel[],
    byKey: Map<string, NewDeliveryRow>,
  ): void {
    for (const ch of channels) {
      if (!ch || typeof ch.target !== 'string' || !ch.target) continue;
      let payload: Record<string, unknown>;
      switch (ch.type) {
        case 'wecom':
          payload = { ...wecomMarkdown(input.title, input.markdown) };
          break;
        case 'dingtalk':
          payload = { ...dingtalkMarkdown(input.title, input.markdown) };
          break;
        case 'email':
          payload = { ...emailMessage(input.title, input.text) };
          break;
        default:
          continue; // a channel type this version does not know: skip it, send the others
      }
      const dedupKey = `${input.dedupKeyPrefix}:${ch.type}:${targetHash(ch.target)}`;
      byKey.set(dedupKey, {
        channel: ch.type,
        target: ch.target,
        dedup_key: dedupKey,
        payload,
        notification_id: null,
      });
    }
  }

  /**
   * A job alert for a resident who opted in (the caller checks the opt-in): in-app, plus an SMS
   * when `smsText` is given. Once per (posting version, resident). Returns whether it was new.
   */
  async jobAlert(manager: EntityManager, input: JobAlertInput): Promise<boolean> {
    return (await this.jobAlerts(manager, [input])) > 0;
  }

  /** jobAlert for several residents and postings: one insert of alerts, one of their SMS. */
  async jobAlerts(manager: EntityManager, inputs: readonly JobAlertInput[]): Promise<number> {
    const prefix = (i: JobAlertInput) => `jobalert:${i.postingId}:v${i.postingVersion}`;
    const rows = await this.insertNotifications(
      manager,
      inputs.map((i) => ({
        recipients: [i.residentUserId],
        kind: 'job.alert',
        title: i.title,
        body: i.body,
        payload: { postingId: i.postingId, link: `/postings/${i.postingId}`, ...(i.payload ?? {}) },
        dedupKeyPrefix: prefix(i),
      })),
    );
    const created = new Map(rows.map((r) => [r.dedupKey, r.id]));
    const sms: NewDeliveryRow[] = [];
    for (const i of inputs) {
      const id = created.get(`${prefix(i)}:user:${i.residentUserId}`);
      if (id === undefined || !i.smsText) continue;
      sms.push({
        channel: 'sms',
        target: `user:${i.residentUserId}`,
        dedup_key: `${prefix(i)}:sms:user:${i.residentUserId}`,
        payload: { text: i.smsText },
        notification_id: id,
      });
    }
    await this.insertDeliveries(manager, sms);
    return rows.length;
  }

  /**
   * Officers whose scope covers each site (access's OfficersDirectory; the sites' region codes
   * come from regions). Admins are not included. One row per (site, officer), by site then officer.
   */
  async officersOfSites(siteIds: string[]): Promise<{ userId: string; siteId: string }[]> {
    if (!siteIds.length) return [];
    const sites = await this.regions.findSites([...new Set(siteIds)]);
    return this.officers.officersOfSites(sites.map((x) => ({ id: x.id, regionCode: x.regionCode })));
  }

  /** Officers whose scope covers a region (a scope region code prefixes it, e.g. the origin village of a household). */
  officersOfRegion(regionCode: string): Promise<{ userId: string }[]> {
    return this.officers.officersOfRegion(regionCode);
  }

  /**
   * Adds a job for every pending delivery older than `olderThanMs` (the relay handles fresh
   * ones). Safe to run any time, anywhere: a known job id is ignored by BullMQ, a sent delivery
   * is skipped by the job. Returns how many were (re)submitted.
   */
  async dispatchPending(opts: { olderThanMs?: number; limit?: number } = {}): Promise<number> {
    const ids = await this.deliveries.pendingIds(opts.olderThanMs ?? 0, opts.limit ?? 1000);
    if (!ids.length) return 0;
    // A pending delivery whose job already failed (its last attempt found the row claimed by a
    // run that then died) would keep its fixed job id forever and never be sent: that job goes,
    // so the add below starts a fresh one. The row, not the job, says whether it was sent.
    const queue = this.queues.queue(QueueName.Notifications);
    for (const id of ids) {
      const job = await queue.getJob(deliveryJobId(id));
      if (job && (await job.isFailed())) await job.remove();
    }
    await this.queues.addBulk(
      JobName.DeliverNotification,
      ids.map((id) => ({
        data: { deliveryId: id },
        opts: deliveryJobOptions(id, this.config.notifyRetryDelayMs),
      })),
    );
    return ids.length;
  }

  /**
   * One row per (event, recipient) in one statement, in dedup-key order (two transactions that
   * insert the same keys then wait for each other in the same order, never crosswise).
   */
  private async insertNotifications(
    manager: EntityManager,
    inputs: readonly NotifyUsersInput[],
  ): Promise<InsertedNotification[]> {
    const rows = new Map<
      string,
      { recipientUserId: string; kind: string; title: string; body: string; payload: string }
    >();
    for (const input of inputs) {
      assertNoPersonalData(input.payload);
      const payload = JSON.stringify(input.payload);
      const title = input.title.slice(0, 200);
      for (const r of input.recipients)
        rows.set(`${input.dedupKeyPrefix}:user:${r}`, {
          recipientUserId: r,
          kind: input.kind,
          title,
          body: input.body,
          payload,
        });
    }
    const keys = [...rows.keys()].sort();
    return this.notifications.insertMany(
      manager,
      keys.map((dedupKey) => ({ ...rows.get(dedupKey)!, dedupKey })),
    );
  }

  /** Inserts the new ones and, in the same transaction, the outbox event that enqueues them. */
  private async insertDeliveries(manager: EntityManager, rows: NewDeliveryRow[]): Promise<string[]> {
    const ids = await this.deliveries.insertMany(manager, rows);
    if (ids.length) {
      const payload: DeliveriesEventPayload = { deliveryIds: ids };
      await this.outbox.add(manager, {
        kind: 'notification.deliveries',
        entityId: ids[0],
        version: 1,
        payload: payload as unknown as Record<string, unknown>,
      });
    }
    return ids;
  }
}
