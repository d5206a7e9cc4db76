import {
  appQueues,
  closeQueues,
  deliveries,
  httpTo,
  intervals,
  matchingWorld,
  officerNotifications,
  publish,
  timedRobot,
  type Http,
  type MatchingWorld,
  type TimedRobot,
} from '../support/fault-fixtures';
import {
  dropDatabaseAt,
  sharedDatabaseUrl,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import { recordTiming } from './timings';

/*
 * Issue 7: "A webhook channel that times out or answers 500 is retried with backoff and never
 * blocks other notifications." Issue 4: "a channel that fails is retried without resending the
 * others". One site with three group robots on 127.0.0.1: a healthy WeCom robot, a DingTalk
 * robot that always answers 500, and a WeCom robot that never answers (the sender gives up
 * after WEBHOOK_TIMEOUT_MS = 5 s). Each delivery is its own job (DELIVERY_RETRY: 8 attempts,
 * exponential backoff from NOTIFY_RETRY_DELAY_MS, here 300 ms: 0.3, 0.6, 1.2 … 19.2 s).
 */
const RETRY_MS = 300;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('fault: a webhook channel that times out or answers 500', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('webhook'));
  const prefix = uniqueName('q');
  const tag = Date.now().toString(36).slice(-5);
  const queues = appQueues(REDIS_URL, prefix);
  const procs: AppProcess[] = [];
  let healthy: TimedRobot;
  let broken: TimedRobot;
  let silent: TimedRobot;
  let http: Http;
  let world: MatchingWorld;

  beforeAll(async () => {
    [healthy, broken, silent] = await Promise.all([
      timedRobot('ok'),
      timedRobot('error500'),
      timedRobot('silent'),
    ]);
    const api = await startApp({
      role: 'api',
      name: 'webhook-api',
      databaseUrl: dbUrl,
      queuePrefix: prefix,
      env: { LEYE_BOOTSTRAP: 'true' },
    });
    procs.push(api);
    procs.push(
      await startApp({
        role: 'worker',
        name: 'webhook-worker',
        databaseUrl: dbUrl,
        queuePrefix: prefix,
        env: { NOTIFY_RETRY_DELAY_MS: String(RETRY_MS) },
      }),
    );
    http = httpTo(api.url);
    world = await matchingWorld(http, {
      channels: [
        { type: 'dingtalk', target: broken.url },
        { type: 'wecom', target: silent.url },
        { type: 'wecom', target: healthy.url },
      ],
      officers: 2,
    });
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) await p.stop('SIGKILL');
    for (const r of [healthy, broken, silent]) await r?.close();
    await closeQueues(queues);
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('delivers to the healthy robot at once and retries the failing ones with growing intervals', async () => {
    const first = `坏机器人采茶工${tag}-A`;
    const second = `坏机器人采茶工${tag}-B`;
    const p1 = await publish(http, world, first);
    const published = Date.now();

    // The healthy robot gets its message while the silent robot still holds the first attempt.
    const promptMs = await waitUntil(
      'the healthy robot to get the message',
      () => healthy.hitsFor(first).length === 1,
      30_000,
      20,
    );
    // The three channels' deliveries are separate jobs that start together in no fixed order:
    // the silent robot's request can land a moment after the healthy one was served (a fresh
    // clone's CI run saw it at 0). It holds each attempt for the sender's 5 s timeout.
    await waitUntil('the silent robot to hold the first attempt', () => silent.hitsFor(first).length >= 1, 4_000, 20);
    expect(silent.hitsFor(first).length).toBeGreaterThanOrEqual(1);
    expect(silent.open()).toBeGreaterThanOrEqual(1);
    // In-app notifications of the officers are there too (written with the matches).
    expect(await officerNotifications(dbUrl, [p1.id])).toHaveLength(2);

    // A second posting while both bad robots keep failing: it is not queued behind them.
    await waitUntil(
      'the 500 robot to have failed three times',
      () => broken.hitsFor(first).length >= 3,
      30_000,
      20,
    );
    const p2 = await publish(http, world, second);
    const secondPublished = Date.now();
    const secondPromptMs = await waitUntil(
      'the healthy robot to get the second message',
      () => healthy.hitsFor(second).length === 1,
      30_000,
      20,
    );
    const stillFailing = await deliveries(dbUrl, [first]);
    expect(stillFailing.filter((d) => d.target !== healthy.url).map((d) => d.status)).toEqual([
      'pending',
      'pending',
    ]);
    expect(await officerNotifications(dbUrl, [p2.id])).toHaveLength(2);

    // The 500 robot: all 8 attempts, then the delivery is marked failed.
    await waitUntil(
      'the 500 robot delivery of the first posting to be given up',
      async () =>
        (await deliveries(dbUrl, [first])).some((d) => d.target === broken.url && d.status === 'failed'),
      90_000,
      250,
    );
    // The silent robot: at least five attempts (each one a 5 s timeout plus the backoff).
    await waitUntil(
      'five attempts on the silent robot',
      () => silent.hitsFor(first).length >= 5,
      60_000,
      100,
    );

    const brokenGaps = intervals(broken.hitsFor(first));
    const silentGaps = intervals(silent.hitsFor(first).slice(0, 5));
    recordTiming('webhook-failing', {
      healthyAfterPublishMs: promptMs,
      healthySecondAfterPublishMs: secondPromptMs,
      healthyFirstAtMs: healthy.hitsFor(first)[0].at - published,
      healthySecondAtMs: healthy.hitsFor(second)[0].at - secondPublished,
      ...Object.fromEntries(brokenGaps.map((g, i) => [`error500Gap${i + 1}Ms`, g])),
      ...Object.fromEntries(silentGaps.map((g, i) => [`silentGap${i + 1}Ms`, g])),
    });

    // Backoff: the intervals grow (exponential: each about doubles). The first two differ by only
    // 300 ms, within the scheduling noise, so strict growth is checked from the third on.
    expect(broken.hitsFor(first)).toHaveLength(8);
    for (let i = 2; i < brokenGaps.length; i++) expect(brokenGaps[i]).toBeGreaterThan(brokenGaps[i - 1]);
    expect(brokenGaps[brokenGaps.length - 1]).toBeGreaterThan(brokenGaps[0] * 16);
    for (let i = 2; i < silentGaps.length; i++) expect(silentGaps[i]).toBeGreaterThan(silentGaps[i - 1]);
    expect(silentGaps[silentGaps.length - 1]).toBeGreaterThan(silentGaps[0] + 1000);
    // Each silent attempt waited for the sender's 5 s timeout before the next was scheduled.
    for (const g of silentGaps) expect(g).toBeGreaterThanOrEqual(5000);

    // Attempts recorded; the healthy robot got each message exactly once, never resent.
    const rows = await deliveries(dbUrl, [first]);
    const byTarget = new Map(rows.map((r) => [r.target, r]));
    expect(byTarget.get(healthy.url)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(byTarget.get(broken.url)).toMatchObject({ status: 'failed', attempts: 8 });
    expect(byTarget.get(broken.url)!.lastError).toMatch(/500/);
    expect(byTarget.get(silent.url)!.status).toBe('pending');
    expect(byTarget.get(silent.url)!.attempts).toBeGreaterThanOrEqual(5);
    expect(byTarget.get(silent.url)!.lastError).toMatch(/timeout/);
    expect(healthy.hitsFor(first)).toHaveLength(1);
    expect(healthy.hitsFor(second)).toHaveLength(1);
    expect(healthy.hits).toHaveLength(2);
    // The robot message is WeCom's markdown format.
    expect(healthy.hitsFor(first)[0].body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining(first) },
    });
    // No robot URL (it carries the robot's key) in any error recorded.
    for (const r of rows) expect(r.lastError ?? '').not.toContain('127.0.0.1');

    // The officers' inboxes: one notification per posting each, unaffected by the robots.
    const notes = await officerNotifications(dbUrl, [p1.id, p2.id]);
    expect(notes.map((n) => n.n)).toEqual([1, 1, 1, 1]);
    const inbox = await http.get('/api/v1/notifications?pageSize=100').set(world.officers[1].auth);
    const titles = (inbox.body.items as { title: string }[]).map((n) => n.title);
    expect(titles.filter((t) => t.includes(first) || t.includes(second))).toHaveLength(2);
  }, 180_000);
});
