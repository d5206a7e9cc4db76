import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { channelText } from '../../src/notifications/channels/channel-text';
import { DeliverNotificationJob } from '../../src/notifications/deliver-notification.job';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { JobName } from '../../src/platform/queue/job-name';
import { JobQueue } from '../../src/platform/queue/job-queue.service';
import { QueueName } from '../../src/platform/queue/queue-name';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import {
  eventually,
  robotServer,
  siteWithChannels,
  type RobotServer,
} from '../support/notifications-factories';

interface DeliveryRow {
  id: string;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

// Retries of a failing channel run to the end (8 attempts at 100 ms doubling: about 13 s).
jest.setTimeout(60_000);

describe('notifications', () => {
  let t: TestApp;
  let ds: DataSource;
  let service: NotificationsService;
  let admin: Session;
  const robots: RobotServer[] = [];

  beforeAll(async () => {
    // Short backoff so a failing channel retries within seconds (DELIVERY_RETRY's shape, smaller delay).
    t = await createTestApp({ worker: true, env: { NOTIFY_RETRY_DELAY_MS: '100' } });
    ds = t.app.get(DataSource);
    service = t.app.get(NotificationsService);
    admin = await loginAdmin(t.http);
  });

  afterAll(async () => {
    for (const r of robots) await r.close();
    await t.close();
  });

  async function robot(mode: 'ok' | 'error500' | 'silent'): Promise<RobotServer> {
    const r = await robotServer(mode);
    robots.push(r);
    return r;
  }

  async function deliveries(prefix: string): Promise<DeliveryRow[]> {
    return ds.query(
      `SELECT id, channel, target, status, attempts, last_error AS "lastError"
         FROM notification_delivery WHERE dedup_key LIKE $1 || '%' ORDER BY channel`,
      [prefix],
    );
  }

  describe('in-app inbox', () => {
    let a: Session;
    let b: Session;
    const prefix = `test:${randomUUID()}`;

    beforeAll(async () => {
      const site = await createSite(t.http, admin);
      a = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
      b = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    });

    it('notifies each recipient once, however often the same event is sent', async () => {
      const input = {
        recipients: [a.userId, b.userId, a.userId],
        kind: 'match.posting_ranked',
        title: '新岗位有 3 位合适人选',
        body: '茶叶加工：3 人符合条件，其中零就业家庭 1 户',
        payload: { postingId: randomUUID(), matches: 3, link: '/officer/matches' },
        dedupKeyPrefix: prefix,
      };
      expect(await ds.transaction((m) => service.notifyUsers(m, input))).toBe(2);
      expect(await ds.transaction((m) => service.notifyUsers(m, input))).toBe(0);

      const res = await t.http.get('/api/v1/notifications').set(a.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(res.body.items[0]).toEqual({
        id: expect.any(String),
        kind: 'match.posting_ranked',
        title: input.title,
        body: input.body,
        payload: input.payload,
        createdAt: expect.any(String),
        readAt: null,
      });
      const count = await t.http.get('/api/v1/notifications/unread-count').set(b.auth);
      expect(count.body).toEqual({ count: 1 });
    });

    it('writes nothing when the caller rolls back', async () => {
      await expect(
        ds.transaction(async (m) => {
          await service.notifyUsers(m, {
            recipients: [a.userId],
            kind: 'followup.due',
            title: 'x',
            body: 'y',
            payload: {},
            dedupKeyPrefix: `rollback:${randomUUID()}`,
          });
          throw new Error('caller failed');
        }),
      ).rejects.toThrow('caller failed');
      const res = await t.http.get('/api/v1/notifications').set(a.auth);
      expect(res.body.total).toBe(1);
    });

    it('refuses personal data in the payload', async () => {
      await expect(
        ds.transaction((m) =>
          service.notifyUsers(m, {
            recipients: [a.userId],
            kind: 'household.at_risk',
            title: 'x',
            body: 'y',
            payload: { phone: '13800000000' },
            dedupKeyPrefix: `pii:${randomUUID()}`,
          }),
        ),
      ).rejects.toThrow(/personal data/);
    });

    it("hides another user's notification (404) and marks one's own read", async () => {
      const mine = (await t.http.get('/api/v1/notifications').set(a.auth)).body.items[0];
      const theirs = await t.http.post(`/api/v1/notifications/${mine.id}/read`).set(b.auth);
      expect(theirs.status).toBe(404);
      expect((await t.http.get('/api/v1/notifications?unread=true').set(a.auth)).body.total).toBe(1);

      const read = await t.http.post(`/api/v1/notifications/${mine.id}/read`).set(a.auth);
      expect(read.status).toBe(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect((await t.http.get('/api/v1/notifications?unread=true').set(a.auth)).body.total).toBe(0);
      expect((await t.http.get('/api/v1/notifications?unread=false').set(a.auth)).body.total).toBe(1);
      // b's copy is untouched
      expect((await t.http.get('/api/v1/notifications/unread-count').set(b.auth)).body).toEqual({ count: 1 });

      const all = await t.http.post('/api/v1/notifications/read-all').set(b.auth);
      expect(all.body).toEqual({ updated: 1 });
      expect((await t.http.get('/api/v1/notifications/unread-count').set(b.auth)).body).toEqual({ count: 0 });
    });

    it('answers 400 for bad input and 401 without a token', async () => {
      const bad = await t.http.post('/api/v1/notifications/not-a-uuid/read').set(a.auth);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'id', message: expect.any(String) }]);
      const badQuery = await t.http.get('/api/v1/notifications?unread=maybe').set(a.auth);
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.details[0].field).toBe('unread');
      expect((await t.http.get('/api/v1/notifications')).status).toBe(401);
      const unknown = await t.http.post(`/api/v1/notifications/${randomUUID()}/read`).set(a.auth);
      expect(unknown.status).toBe(404);
    });
  });

  describe('officers in scope', () => {
    it('finds the officers of a site (by site or by region) and of a region, never admins', async () => {
      const site = await createSite(t.http, admin);
      const other = await createSite(t.http, admin);
      const bySite = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
      const byCounty = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] });
      const elsewhere = await staff(t.http, admin, 'officer', { siteIds: [other.id] });
      const farAway = await staff(t.http, admin, 'officer', { regionCodes: ['520102'] });

      const found = await service.officersOfSites([site.id]);
      const ids = found.map((o) => o.userId);
      expect(ids).toEqual(expect.arrayContaining([bySite.userId, byCounty.userId]));
      expect(ids).not.toContain(elsewhere.userId);
      expect(ids).not.toContain(farAway.userId);
      expect(ids).not.toContain(admin.userId);
      expect(found.every((o) => o.siteId === site.id)).toBe(true);

      const ofVillage = (await service.officersOfRegion('422802107201')).map((o) => o.userId);
      expect(ofVillage).toContain(byCounty.userId);
      expect(ofVillage).not.toContain(bySite.userId);
      expect(ofVillage).not.toContain(farAway.userId);
    });
  });

  describe('site channels', () => {
    it('a failing robot is retried with backoff and never holds back a healthy one', async () => {
      const good = await robot('ok');
      const bad = await robot('error500');
      const goodSite = await siteWithChannels(t.http, admin, [{ type: 'wecom', target: good.url }]);
      const badSite = await siteWithChannels(t.http, admin, [{ type: 'dingtalk', target: bad.url }]);
      const prefix = `match:${randomUUID()}:v1`;

      const created = await ds.transaction((m) =>
        service.notifySiteChannels(m, {
          siteIds: [goodSite.id, badSite.id],
          title: '新岗位有 4 位合适人选',
          markdown: channelText`岗位：**采茶工**\n> 零就业家庭 1 户`,
          text: channelText`岗位：采茶工，4 位合适人选`,
          dedupKeyPrefix: prefix,
        }),
      );
      expect(created).toBe(2);

      await eventually(async () => good.received.length > 0);
      expect(good.received).toEqual([
        {
          msgtype: 'markdown',
          markdown: { content: '### 新岗位有 4 位合适人选\n岗位：**采茶工**\n> 零就业家庭 1 户' },
        },
      ]);
      // The healthy robot got its message although the other one has not accepted anything.
      const [dingtalk, wecom] = await eventually(async () => {
        const rows = await deliveries(prefix);
        return rows.find((r) => r.channel === 'wecom')?.status === 'sent' && rows;
      });
      expect(wecom).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(dingtalk.status).not.toBe('sent');

      // The failing one keeps being retried, then is marked failed after DELIVERY_RETRY's attempts.
      const failed = await eventually(async () => {
        const row = (await deliveries(prefix)).find((r) => r.channel === 'dingtalk');
        return row?.status === 'failed' && row;
      }, 45_000);
      expect(failed.attempts).toBe(8);
      expect(failed.lastError).toBe('HTTP 500');
      expect(bad.hits).toBe(8);
      expect(good.received).toHaveLength(1);
    });

    it('sends nothing twice: not for a repeated event, a re-run job, or a sweep', async () => {
      const good = await robot('ok');
      const site = await siteWithChannels(t.http, admin, [
        { type: 'wecom', target: good.url },
        { type: 'wecom', target: good.url }, // the same robot listed twice gets the message once
      ]);
      const prefix = `match:${randomUUID()}:v2`;
      const input = {
        siteIds: [site.id],
        title: '匹配',
        markdown: channelText`**2** 人`,
        text: channelText`2 人`,
        dedupKeyPrefix: prefix,
      };
      expect(await ds.transaction((m) => service.notifySiteChannels(m, input))).toBe(1);
      expect(await ds.transaction((m) => service.notifySiteChannels(m, input))).toBe(0);

      const [row] = await eventually(async () => {
        const rows = await deliveries(prefix);
        return rows[0]?.status === 'sent' && rows;
      });

      // The same job run again (a crashed worker's retry) skips a delivery already sent.
      const job = t.app.get(DeliverNotificationJob);
      expect(await job.process({ deliveryId: row.id }, { attemptsMade: 0, opts: { attempts: 8 } })).toBe(
        'skipped',
      );

      // A second queued job for the same delivery, through the real worker.
      const queues = t.app.get(JobQueue);
      const againId = `delivery.${row.id}.again`;
      await queues.add(JobName.DeliverNotification, { deliveryId: row.id }, { jobId: againId });
      await eventually(
        async () => (await queues.queue(QueueName.Notifications).getJobState(againId)) === 'completed',
      );

      // The sweep re-submits only pending deliveries; this one is sent.
      await service.dispatchPending();
      await new Promise((r) => setTimeout(r, 500));

      expect(good.received).toHaveLength(1);
      const [after] = await deliveries(prefix);
      expect(after).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('a delivery whose last attempt met another run’s claim is still sent by the sweep', async () => {
      const good = await robot('ok');
      const site = await siteWithChannels(t.http, admin, [{ type: 'wecom', target: good.url }]);
      const prefix = `match:${randomUUID()}:v3`;
      // Another run holds the row (claimed, sending) when the queued job comes.
      await ds.transaction(async (m) => {
        await service.notifySiteChannels(m, {
          siteIds: [site.id],
          title: '匹配',
          markdown: channelText`x`,
          text: channelText`x`,
          dedupKeyPrefix: prefix,
        });
        await m.query(
          `UPDATE notification_delivery SET claimed_until = now() + interval '1 hour' WHERE dedup_key LIKE $1 || '%'`,
          [prefix],
        );
      });
      const [row] = await deliveries(prefix);
      const queue = t.app.get(JobQueue).queue(QueueName.Notifications);
      const jobId = `delivery.${row.id}`;
      // Its job runs out of attempts while the claim lasts (one attempt here instead of eight).
      await eventually(async () => {
        const job = await queue.getJob(jobId);
        if (!job) return false;
        if ((await job.getState()) === 'active') return false;
        return job.remove().then(
          () => true,
          () => false, // became active meanwhile: try again
        );
      });
      await queue.add(JobName.DeliverNotification, { deliveryId: row.id }, { jobId, attempts: 1 });
      await eventually(async () => (await queue.getJobState(jobId)) === 'failed');
      expect((await deliveries(prefix))[0].status).toBe('pending');
      expect(good.received).toHaveLength(0);

      // The claiming run died: its claim lapses. The sweep must not be stopped by the failed job id.
      await ds.query(
        `UPDATE notification_delivery SET claimed_until = now() - interval '1 second' WHERE id = $1`,
        [row.id],
      );
      expect(await service.dispatchPending()).toBeGreaterThanOrEqual(1);
      await eventually(async () => (await deliveries(prefix))[0].status === 'sent');
      expect(good.received).toHaveLength(1);
    });

    it('skips e-mail with a recorded reason when SMTP is not configured', async () => {
      const site = await siteWithChannels(t.http, admin, [{ type: 'email', target: 'officers@example.com' }]);
      const prefix = `risk:${randomUUID()}`;
      await ds.transaction((m) =>
        service.notifySiteChannels(m, {
          siteIds: [site.id],
          title: '风险',
          markdown: channelText`x`,
          text: channelText`x`,
          dedupKeyPrefix: prefix,
        }),
      );
      const [row] = await eventually(async () => {
        const rows = await deliveries(prefix);
        return rows[0]?.status === 'failed' && rows;
      });
      expect(row).toMatchObject({ channel: 'email', attempts: 1 });
      expect(row.lastError).toMatch(/SMTP_URL is not configured/);
    });
  });

  describe('job alerts', () => {
    it('sends the in-app alert and one SMS (phone resolved at send time, never stored)', async () => {
      const site = await createSite(t.http, admin);
      const person = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
      const postingId = randomUUID();
      const input = {
        residentUserId: person.userId,
        postingId,
        postingVersion: 3,
        title: '有适合您的工作',
        body: '采茶工，每天 120–180 元，离家 3 公里',
        smsText: '【乐业】有适合您的工作：采茶工，每天120-180元。',
      };
      expect(await ds.transaction((m) => service.jobAlert(m, input))).toBe(true);
      expect(await ds.transaction((m) => service.jobAlert(m, input))).toBe(false);

      const inbox = await t.http.get('/api/v1/notifications').set(person.auth);
      expect(inbox.body.items).toHaveLength(1);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'job.alert', payload: { postingId } });

      const [sms] = await eventually(async () => {
        const rows = await deliveries(`jobalert:${postingId}:v3`);
        return rows[0]?.status === 'sent' && rows;
      });
      expect(sms).toMatchObject({ channel: 'sms', target: `user:${person.userId}`, attempts: 1 });
      const raw = JSON.stringify(
        await ds.query('SELECT * FROM notification_delivery WHERE id = $1', [sms.id]),
      );
      expect(raw).not.toContain(person.phone);
    });
  });
});
