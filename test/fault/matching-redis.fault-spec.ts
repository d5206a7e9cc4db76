import {
  appQueues,
  closeQueues,
  deliveries,
  httpTo,
  matchesByPosting,
  matchingWorld,
  officerNotifications,
  publish,
  timedRobot,
  unpublishedOutbox,
  type Http,
  type MatchingWorld,
  type TimedRobot,
} from '../support/fault-fixtures';
import {
  dropDatabaseAt,
  PrivateRedis,
  query,
  sharedDatabaseUrl,
  sleep,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import { call } from './http';
import { recordTiming } from './timings';

/*
 * Issue 7: "Redis stops while postings are published and profiles change: the API keeps
 * accepting and saving them (the outbox holds the events), /health/ready reports Redis down,
 * and after Redis returns every event is ranked and notified, none twice."
 * An api and a worker on a private Redis that the test kills (SIGKILL, no persistence: it comes
 * back empty, as after a crash without AOF).
 */
describe('fault: Redis stops while postings are published and profiles change', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('mredis'));
  const prefix = uniqueName('q');
  const tag = Date.now().toString(36).slice(-5);
  let redis: PrivateRedis;
  let api: AppProcess;
  let worker: AppProcess;
  let robot: TimedRobot;
  let http: Http;
  let world: MatchingWorld;

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    robot = await timedRobot('ok');
    api = await startApp({
      role: 'api',
      name: 'mredis-api',
      databaseUrl: dbUrl,
      redisUrl: redis.url,
      queuePrefix: prefix,
      env: { LEYE_BOOTSTRAP: 'true' },
    });
    worker = await startApp({
      role: 'worker',
      name: 'mredis-worker',
      databaseUrl: dbUrl,
      redisUrl: redis.url,
      queuePrefix: prefix,
      env: { NOTIFY_RETRY_DELAY_MS: '200' },
    });
    http = httpTo(api.url);
    world = await matchingWorld(http, { channels: [{ type: 'wecom', target: robot.url }], officers: 2 });
    // The fixture's own events (residents created) are relayed before Redis goes.
    await waitUntil(
      'fixture events relayed',
      async () => !Object.keys(await unpublishedOutbox(dbUrl)).length,
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop('SIGKILL');
    await robot?.close();
    const queues = redis ? appQueues(redis.url, prefix) : null;
    if (queues) await closeQueues(queues, false);
    await redis?.stop();
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('saves every write while Redis is down, then ranks and notifies each event exactly once', async () => {
    const officer = world.officers[0];
    await redis.stop();
    const downMs = await waitUntil(
      'ready to report redis down',
      async () => (await call(api.url, 'GET', '/health/ready')).status === 503,
      20_000,
    );
    expect((await call(api.url, 'GET', '/health/ready')).body).toMatchObject({
      checks: { postgres: { status: 'up' }, redis: { status: 'down' } },
    });

    // --- Redis down: publish postings and change profiles through the API.
    const titles = Array.from({ length: 5 }, (_, i) => `故障采茶工${tag}-${i + 1}`);
    const postings: { id: string; version: number }[] = [];
    for (const t of titles) {
      const p = await publish(http, world, t); // throws unless 201 + 200
      expect(p.status).toBe('open');
      postings.push(p);
    }
    const postingIds = postings.map((p) => p.id);
    // The unskilled resident learns to pick tea (a profile change that changes the ranking).
    const learned = await http
      .patch(`/api/v1/residents/${world.unskilled.id}`)
      .set(officer.auth)
      .send({ skills: [{ code: 'tea.picking', level: 3 }] });
    expect(learned.status).toBe(200);
    const edits = [learned.status];
    for (const r of world.fitting) {
      const res = await http
        .patch(`/api/v1/residents/${r.id}`)
        .set(officer.auth)
        .send({
          preferences: {
            industries: ['tea'],
            wageMin: 2500,
            schedules: ['full_time', 'flexible'],
            maxCommuteKm: 15,
            willingToWorkAway: false,
          },
        });
      edits.push(res.status);
    }
    expect(edits).toEqual([200, 200, 200]);
    const residentIds = [world.unskilled.id, ...world.fitting.map((r) => r.id)];

    // Saved: the rows are there and the outbox holds one event per change, unpublished.
    const saved = await query<{ n: string }>(
      dbUrl,
      `SELECT count(*) AS n FROM posting WHERE id = ANY($1::uuid[]) AND status = 'open'`,
      [postingIds],
    );
    expect(Number(saved[0].n)).toBe(5);
    const reread = await http.get(`/api/v1/residents/${world.unskilled.id}`).set(officer.auth);
    expect(reread.body.skills).toEqual([expect.objectContaining({ code: 'tea.picking', level: 3 })]);
    await sleep(1500); // several relay polls: nothing may leave the outbox while Redis is away
    const waiting = await unpublishedOutbox(dbUrl);
    expect(waiting['posting.changed']).toBeGreaterThanOrEqual(5);
    expect(waiting['resident.changed']).toBeGreaterThanOrEqual(3);
    const perEntity = await query<{ entityId: string }>(
      dbUrl,
      `SELECT DISTINCT entity_id AS "entityId" FROM outbox_event WHERE published_at IS NULL`,
    );
    expect(perEntity.map((r) => r.entityId).sort()).toEqual(
      expect.arrayContaining([...postingIds, ...residentIds]),
    );
    expect(await matchesByPosting(dbUrl, postingIds)).toEqual(new Map(postingIds.map((id) => [id, []])));
    expect(api.running() && worker.running()).toBe(true);

    // --- Redis returns (empty).
    await redis.start();
    const back = Date.now();
    const expectedResidents = [...residentIds].sort();
    const rankedMs = await waitUntil(
      'every posting ranked with the changed profile and its officers notified',
      async () => {
        const m = await matchesByPosting(dbUrl, postingIds);
        if (![...m.values()].every((ids) => ids.length === 3)) return false;
        return (await officerNotifications(dbUrl, postingIds)).length === postingIds.length * 2;
      },
      90_000,
      100,
    );
    const robotMs = await waitUntil(
      'the site robot got every posting',
      () => robot.hits.length >= 5,
      60_000,
      50,
    );
    await waitUntil(
      'outbox drained',
      async () => !Object.keys(await unpublishedOutbox(dbUrl)).length,
      30_000,
    );
    const recommendedMs = await waitUntil(
      'each changed resident recommended the new postings',
      async () => {
        const rows = await query<{ residentId: string; n: string }>(
          dbUrl,
          `SELECT resident_id AS "residentId", count(*) AS n FROM resident_recommendation
            WHERE resident_id = ANY($1::uuid[]) AND posting_id = ANY($2::uuid[]) GROUP BY 1`,
          [residentIds, postingIds],
        );
        return rows.length === 3 && rows.every((r) => Number(r.n) === 5);
      },
      30_000,
    );
    recordTiming('matching-redis-stop', {
      detectDownMs: downMs,
      eventsHeld: Object.values(waiting).reduce((a, b) => a + b, 0),
      allRankedAndNotifiedMs: rankedMs,
      robotAllMs: robotMs,
      residentsRerankedMs: recommendedMs,
      sinceBackMs: Date.now() - back,
    });

    // None twice: settle, then count exactly.
    await sleep(2000);
    const matches = await matchesByPosting(dbUrl, postingIds);
    for (const id of postingIds) expect([...matches.get(id)!].sort()).toEqual(expectedResidents);
    const notes = await officerNotifications(dbUrl, postingIds);
    expect(notes).toHaveLength(postingIds.length * world.officers.length);
    for (const n of notes) {
      expect(n.n).toBe(1);
      expect(n.counts).toEqual([3]); // the resident who learned the skill counts as a strong match
    }
    expect(new Set(notes.map((n) => n.recipientUserId))).toEqual(
      new Set(world.officers.map((o) => o.userId)),
    );
    const rows = await deliveries(dbUrl, titles);
    expect(rows.map((r) => [r.title, r.status, r.attempts])).toEqual(titles.map((t) => [t, 'sent', 1]));
    expect(robot.hits).toHaveLength(5);
    for (const t of titles) expect(robot.hitsFor(t)).toHaveLength(1);
    expect(await unpublishedOutbox(dbUrl)).toEqual({});

    // The officer sees it in the inbox, once per posting.
    const inbox = await http.get('/api/v1/notifications?pageSize=100').set(officer.auth);
    const mine = (inbox.body.items as { kind: string; payload: { postingId: string } }[]).filter(
      (n) => n.kind === 'match.posting_ranked' && postingIds.includes(n.payload.postingId),
    );
    expect(mine).toHaveLength(5);
    expect((await call(api.url, 'GET', '/health/ready')).status).toBe(200);
  }, 180_000);
});
