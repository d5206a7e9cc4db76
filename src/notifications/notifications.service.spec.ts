import type { EntityManager } from 'typeorm';
import type { OfficersDirectory, SiteInScope } from '../access/officers-directory';
import type { AppConfig } from '../platform/config/app-config';
import type { OutboxService } from '../platform/database/outbox.service';
import type { JobQueue } from '../platform/queue/job-queue.service';
import type { RegionsService } from '../regions/regions.service';
import type { Site, SiteChannel } from '../regions/site.entity';
import { channelText } from './channels/channel-text';
import type { DeliveriesRepository, NewDeliveryRow } from './deliveries.repository';
import type { NewNotificationRow, NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/*
 * NotificationsService over in-memory repositories (issue 14 item 4): who is told (the officers
 * of a site, through access's directory and the regions' site codes), what is written once per
 * dedup key, which deliveries a shared robot gets, and that the outbox event follows only new
 * deliveries. The SQL and the scope rule itself are proved by the notifications e2e file.
 */

const M = {} as EntityManager;

/** Both tables as maps keyed by dedup key: a key already stored inserts nothing (ON CONFLICT). */
class FakeNotifications {
  readonly rows = new Map<string, NewNotificationRow & { id: string }>();
  readonly statements: string[][] = [];
  insertMany(_m: EntityManager, rows: readonly NewNotificationRow[]) {
    this.statements.push(rows.map((r) => r.dedupKey));
    const fresh = rows.filter((r) => !this.rows.has(r.dedupKey));
    for (const r of fresh) this.rows.set(r.dedupKey, { ...r, id: `n${this.rows.size + 1}` });
    return Promise.resolve(
      fresh.map((r) => ({
        id: this.rows.get(r.dedupKey)!.id,
        recipientUserId: r.recipientUserId,
        dedupKey: r.dedupKey,
      })),
    );
  }
}

class FakeDeliveries {
  readonly rows = new Map<string, NewDeliveryRow & { id: string }>();
  insertMany(_m: EntityManager, rows: readonly NewDeliveryRow[]) {
    const ids: string[] = [];
    for (const r of rows) {
      if (this.rows.has(r.dedup_key)) continue;
      const id = `d${this.rows.size + 1}`;
      this.rows.set(r.dedup_key, { ...r, id });
      ids.push(id);
    }
    return Promise.resolve(ids);
  }
}

function site(id: string, regionCode: string, channels: SiteChannel[] = []): Site {
  return { id, regionCode, name: id, channels } as unknown as Site;
}

function setup(sites: Site[] = []) {
  const notifications = new FakeNotifications();
  const deliveries = new FakeDeliveries();
  const asked: SiteInScope[][] = [];
  const officers = {
    officersOfSites: (s: readonly SiteInScope[]) => {
      asked.push([...s]);
      return Promise.resolve(s.map((x) => ({ userId: `officer-of-${x.regionCode}`, siteId: x.id })));
    },
    officersOfRegion: (code: string) => Promise.resolve([{ userId: `officer-of-${code}` }]),
  } as unknown as OfficersDirectory;
  const regions = {
    findSites: (ids: string[]) => Promise.resolve(sites.filter((s) => ids.includes(s.id))),
  } as unknown as RegionsService;
  const events: { kind: string; entityId: string; payload?: Record<string, unknown> }[] = [];
  const outbox = {
    add: (_m: EntityManager, e: { kind: string; entityId: string; payload?: Record<string, unknown> }) => {
      events.push(e);
      return Promise.resolve();
    },
  } as unknown as OutboxService;
  const service = new NotificationsService(
    notifications as unknown as NotificationsRepository,
    deliveries as unknown as DeliveriesRepository,
    officers,
    regions,
    outbox,
    {} as JobQueue,
    { notifyRetryDelayMs: 5000 } as AppConfig,
  );
  return { service, notifications, deliveries, events, asked };
}

describe('NotificationsService', () => {
  describe('who is told about a site', () => {
    it("hands access the sites' region codes, each site once, and drops a site that does not exist", async () => {
      const { service, asked } = setup([site('s1', '422802107'), site('s2', '422802108')]);
      const found = await service.officersOfSites(['s1', 's2', 's1', 'gone']);
      expect(asked).toEqual([
        [
          { id: 's1', regionCode: '422802107' },
          { id: 's2', regionCode: '422802108' },
        ],
      ]);
      expect(found).toEqual([
        { userId: 'officer-of-422802107', siteId: 's1' },
        { userId: 'officer-of-422802108', siteId: 's2' },
      ]);
    });

    it('asks nobody for no sites', async () => {
      const { service, asked } = setup();
      expect(await service.officersOfSites([])).toEqual([]);
      expect(asked).toEqual([]);
    });
  });

  describe('in-app notifications', () => {
    const input = {
      recipients: ['u2', 'u1', 'u2'],
      kind: 'match.new',
      title: '新岗位'.repeat(100),
      body: 'b',
      payload: { postingId: 'p1', link: '/postings/p1' },
      dedupKeyPrefix: 'match:p1:v1',
    };

    it('writes one row per recipient in dedup-key order, the title cut to 200, and a replay writes nothing', async () => {
      const { service, notifications } = setup();
      expect(await service.notifyUsers(M, input)).toBe(2);
      expect(notifications.statements[0]).toEqual(['match:p1:v1:user:u1', 'match:p1:v1:user:u2']);
      expect(notifications.rows.get('match:p1:v1:user:u1')!.title).toHaveLength(200);
      expect(JSON.parse(notifications.rows.get('match:p1:v1:user:u1')!.payload)).toEqual(input.payload);
      expect(await service.notifyUsers(M, input)).toBe(0);
    });

    it('refuses a payload that carries personal data before writing anything', async () => {
      const { service, notifications } = setup();
      await expect(service.notifyUsers(M, { ...input, payload: { phone: '138' } })).rejects.toThrow(
        /personal data/,
      );
      expect(notifications.statements).toEqual([]);
    });
  });

  describe("the sites' channels", () => {
    const robot = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=shared';
    const message = (siteIds: string[]) => ({
      siteIds,
      title: '新岗位',
      markdown: channelText`岗位：${'焊工'}`,
      text: channelText`岗位：${'焊工'}`,
      dedupKeyPrefix: 'match:p1:v1',
    });

    it('sends a robot shared by two sites once, skips an unknown channel type, and adds one outbox event', async () => {
      const { service, deliveries, events } = setup([
        site('s1', '4228', [
          { type: 'wecom', target: robot },
          { type: 'pager', target: 'x' } as unknown as SiteChannel,
        ]),
        site('s2', '4228', [
          { type: 'wecom', target: robot },
          { type: 'email', target: 'office@example.org' },
        ]),
      ]);
      expect(await service.notifySiteChannels(M, message(['s1', 's2']))).toBe(2);
      expect([...deliveries.rows.values()].map((d) => d.channel).sort()).toEqual(['email', 'wecom']);
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'notification.deliveries',
          entityId: 'd1',
          payload: { deliveryIds: ['d1', 'd2'] },
        }),
      ]);
    });

    it('adds no outbox event when every delivery was already there', async () => {
      const { service, events } = setup([site('s1', '4228', [{ type: 'wecom', target: robot }])]);
      await service.notifySiteChannels(M, message(['s1']));
      expect(await service.notifySiteChannels(M, message(['s1']))).toBe(0);
      expect(events).toHaveLength(1);
    });
  });

  describe('job alerts', () => {
    const alert = (residentUserId: string, smsText?: string) => ({
      residentUserId,
      postingId: 'p1',
      postingVersion: 3,
      title: '岗位提醒',
      body: 'b',
      smsText,
    });

    it('sends an SMS with a new alert only, never again on a replay', async () => {
      const { service, deliveries } = setup();
      expect(await service.jobAlerts(M, [alert('r1', '有新岗位'), alert('r2')])).toBe(2);
      expect([...deliveries.rows.values()]).toEqual([
        expect.objectContaining({
          channel: 'sms',
          target: 'user:r1',
          dedup_key: 'jobalert:p1:v3:sms:user:r1',
          notification_id: expect.any(String),
        }),
      ]);
      expect(await service.jobAlert(M, alert('r1', '有新岗位'))).toBe(false);
      expect(deliveries.rows.size).toBe(1);
    });
  });
});
