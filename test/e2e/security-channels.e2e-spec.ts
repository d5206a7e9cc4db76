import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { channelText } from '../../src/notifications/channels/channel-text';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { createTestApp, type TestApp } from '../support/app';
import { drainedBacklog } from '../support/backlog';
import { loginAdmin, type Session } from '../support/factories';
import { matchingWorld, publish } from '../support/fault-fixtures';
import { eventually, robotServer, type RobotServer } from '../support/notifications-factories';

/** Issue 12 item 8: the posting title an attacker wrote, as it reached the officers' group chats. */
const HOSTILE = '采茶工\n> **账号异常，[点此重新登录](http://evil.example)**';

describe('robot channels: markdown injection (issue 12 item 8)', () => {
  let t: TestApp;
  let wecom: RobotServer;
  let dingtalk: RobotServer;

  beforeAll(async () => {
    // Default e2e environment: robots on 127.0.0.1 allowed (ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS).
    t = await createTestApp({ worker: true });
    [wecom, dingtalk] = await Promise.all([robotServer('ok'), robotServer('ok')]);
    // The earlier files' backlog first: in a full run the posting below waited behind it past
    // the test's 60 s (seen once, 2026-12-02).
    await drainedBacklog(t, 150_000);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await wecom?.close();
    await dingtalk?.close();
  });

  it('a hostile posting title reaches the WeCom and DingTalk robots with no line, quote, bold or link of its own', async () => {
    const world = await matchingWorld(t.http, {
      channels: [
        { type: 'wecom', target: wecom.url },
        { type: 'dingtalk', target: dingtalk.url },
      ],
      officers: 1,
    });
    const posting = await publish(t.http, world, HOSTILE);
    expect(posting.status).toBe('open');

    const [w] = await eventually(async () => wecom.received.length > 0 && wecom.received, 60_000);
    const content = (w as { markdown: { content: string } }).markdown.content;
    const lines = content.split('\n');
    // The heading, the bold line, three quote lines of the wording, the link: nothing added.
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(
      /^### 「采茶工 ＞ ＊＊账号异常，［点此重新登录］（http:／／evil\.example）＊＊」有 \d+ 位合适人选$/,
    );
    expect(lines[1]).toBe(
      '**新岗位匹配：采茶工 ＞ ＊＊账号异常，［点此重新登录］（http:／／evil.example）＊＊**',
    );
    expect(lines.filter((l) => l.startsWith('>'))).toHaveLength(3);
    expect(content).not.toMatch(/\]\(|http:\/\/|> \*\*账号/);

    const [d] = await eventually(async () => dingtalk.received.length > 0 && dingtalk.received, 30_000);
    const md = (d as { markdown: { title: string; text: string } }).markdown;
    expect(md.title).not.toMatch(/\n|http:\/\//); // plain text in the chat list: no line, no clickable URL
    expect(md.text.split('\n')).toHaveLength(7); // heading, blank line, the same five lines
    expect(md.text).not.toMatch(/\]\(|http:\/\/|> \*\*账号/);
  });
});

describe('robot channels: server-side request forgery (issue 12 item 7)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({
      worker: true,
      env: {
        ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS: 'false',
        // `localhost` stands for a robot host whose DNS answer points inside (rebinding).
        ROBOT_WEBHOOK_HOSTS: 'qyapi.weixin.qq.com,oapi.dingtalk.com,localhost',
      },
    });
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t.http);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const site = (channels: { type: string; target: string }[]) =>
    t.http
      .post('/api/v1/sites')
      .set(admin.auth)
      .send({
        name: `渠道测试 ${randomUUID().slice(0, 8)}`,
        regionCode: '422802107',
        latitude: 30.06,
        longitude: 108.75,
        channels,
      });

  it('refuses an internal, plain-http or look-alike robot URL at input with a 400 naming the field', async () => {
    for (const target of [
      'http://169.254.169.254/latest/meta-data/',
      'https://10.0.0.8/cgi-bin/webhook/send',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k',
      'https://127.0.0.1:6379/',
    ]) {
      const res = await site([
        { type: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?access_token=t' },
        { type: 'wecom', target },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'channels[1].target' })]);
    }
    const asMail = await site([{ type: 'email', target: 'http://10.0.0.8/' }]);
    expect(asMail.status).toBe(400);

    const ok = await site([
      { type: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
    ]);
    expect(ok.status).toBe(201);
    const patched = await t.http
      .patch(`/api/v1/sites/${ok.body.id}`)
      .set(admin.auth)
      .send({ channels: [{ type: 'wecom', target: 'http://127.0.0.1:9/' }] });
    expect(patched.status).toBe(400);
    expect(patched.body.details).toEqual([expect.objectContaining({ field: 'channels[0].target' })]);

    // What is stored (and shown, and audited) is the address that will be called.
    const spelled = await site([
      { type: 'wecom', target: 'https://qyapi\u3002weixin.qq.com/cgi-bin/webhook/send?key=k' },
    ]);
    expect(spelled.status).toBe(201);
    expect(spelled.body.channels[0].target).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
  });

  it('refuses at send time an allowed host that resolves to 127.0.0.1: the delivery fails after one attempt', async () => {
    const res = await site([{ type: 'wecom', target: 'https://localhost/cgi-bin/webhook/send?key=k' }]);
    expect(res.status).toBe(201); // allowed at input: the host is on the list
    const prefix = `ssrf:${randomUUID()}`;
    await ds.transaction((m) =>
      t.app.get(NotificationsService).notifySiteChannels(m, {
        siteIds: [res.body.id],
        title: '新岗位',
        markdown: channelText`x`,
        text: channelText`x`,
        dedupKeyPrefix: prefix,
      }),
    );
    const [row] = await eventually(async () => {
      const rows: { status: string; attempts: number; last_error: string | null }[] = await ds.query(
        `SELECT status, attempts, last_error FROM notification_delivery WHERE dedup_key LIKE $1 || '%'`,
        [prefix],
      );
      return rows.length > 0 && rows[0].status !== 'pending' && rows;
    }, 30_000);
    // Refused before connecting (not a connection error to 127.0.0.1:443), and not retried.
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/non-public address/);
    expect(row.last_error).not.toContain('key=k');
  });
});
