import { Queue } from 'bullmq';
import { deploymentOf, type Deployment } from '../../src/platform/database/deployment';
import { outboxJobId } from '../../src/platform/queue/outbox-routes';
import { ALL_QUEUES, QueueName } from '../../src/platform/queue/queue-name';
import {
  FAULT_METRICS_TOKEN,
  dropDatabaseAt,
  PrivateRedis,
  query,
  sharedDatabaseUrl,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import { call } from './http';

/*
 * Issue 19: "two installations on one Redis never take each other's jobs", and issue 11 item 8:
 * "a fresh database on a Redis that served an earlier install ranks at once". Real processes of
 * the fault build with the demo data (about 900 residents and 30 postings each), on one private
 * Redis, each installation on a database of its own.
 */

const DRAIN_MS = 240_000;

interface Installation {
  url: string;
  deployment: Deployment;
}

async function deploymentOfDb(url: string, prefix: string | null = null): Promise<Deployment> {
  const [row] = await query<{ id: string }>(url, 'SELECT id FROM deployment');
  return deploymentOf(row.id, prefix);
}

function queuesOf(redisUrl: string, prefix: string): Map<QueueName, Queue> {
  const u = new URL(redisUrl);
  const connection = { host: u.hostname, port: Number(u.port) };
  return new Map(ALL_QUEUES.map((n) => [n, new Queue(n, { connection, prefix })]));
}

async function closeAll(queues: Map<QueueName, Queue>[]): Promise<void> {
  for (const qs of queues) for (const q of qs.values()) await q.close().catch(() => undefined);
}

/** The ranking events of a database (what must become a completed job of its own installation). */
async function rankingEvents(url: string): Promise<{ kind: string; entityId: string; version: number }[]> {
  return query(
    url,
    `SELECT kind, entity_id AS "entityId", version FROM outbox_event
      WHERE kind IN ('posting.changed', 'resident.changed') ORDER BY id`,
  );
}

/** No unpublished event, nothing waiting, active or delayed on the matching queues. */
async function drained(i: Installation, queues: Map<QueueName, Queue>): Promise<boolean> {
  const [{ n }] = await query<{ n: number }>(
    i.url,
    'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL',
  );
  if (n > 0) return false;
  for (const name of [QueueName.Matching, QueueName.MatchingBulk]) {
    const c = await queues.get(name)!.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(c).some((v) => v > 0)) return false;
  }
  return true;
}

/** Every ranking event of `i` is a completed job under its prefix, added and run by `i`. */
async function everyEventRanked(i: Installation, queues: Map<QueueName, Queue>): Promise<number> {
  const events = await rankingEvents(i.url);
  const missing: string[] = [];
  for (const e of events) {
    const id = outboxJobId(e as never, i.deployment.short);
    const job = await queues.get(QueueName.Matching)!.getJob(id);
    const state = job ? await job.getState() : 'missing';
    if (state !== 'completed' || (job?.data as { deployment?: string }).deployment !== i.deployment.id)
      missing.push(`${id}: ${state}`);
  }
  expect(missing).toEqual([]);
  return events.length;
}

const matchCount = async (url: string): Promise<number> =>
  (await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM match'))[0].n;

describe('fault: two installations on one Redis, default settings (issue 19)', () => {
  const urlA = sharedDatabaseUrl(uniqueName('inst_a'));
  const urlB = sharedDatabaseUrl(uniqueName('inst_b'));
  const started: AppProcess[] = [];
  const opened: Map<QueueName, Queue>[] = [];
  let redis: PrivateRedis;

  // No LEYE_QUEUE_PREFIX: each installation derives its own from its deployment id.
  const env = { LEYE_QUEUE_PREFIX: '', LEYE_DEMO: 'true', WORKER_CONCURRENCY: '2' };

  beforeAll(async () => {
    redis = await PrivateRedis.create();
  });

  afterAll(async () => {
    for (const p of started) await p.stop('SIGKILL');
    await closeAll(opened);
    await redis?.stop();
    for (const url of [urlA, urlB]) await dropDatabaseAt(url).catch(() => undefined);
  }, 60_000);

  it('both rank their own demo data completely; neither takes a job of the other', async () => {
    // Started together, on databases that do not exist yet: A as one process, B as an api and a
    // worker that must wait for the api's migrations before it knows its prefix.
    const [a, bApi, bWorker] = await Promise.all([
      startApp({
        role: 'all',
        name: 'inst-a',
        databaseUrl: urlA,
        redisUrl: redis.url,
        env,
        readyTimeoutMs: 180_000,
      }),
      startApp({
        role: 'api',
        name: 'inst-b-api',
        databaseUrl: urlB,
        redisUrl: redis.url,
        env: { ...env, LEYE_BOOTSTRAP: 'true' },
        readyTimeoutMs: 180_000,
      }),
      startApp({
        role: 'worker',
        name: 'inst-b-worker',
        databaseUrl: urlB,
        redisUrl: redis.url,
        env,
        readyTimeoutMs: 180_000,
      }),
    ]);
    started.push(a, bApi, bWorker);

    const A: Installation = { url: urlA, deployment: await deploymentOfDb(urlA) };
    const B: Installation = { url: urlB, deployment: await deploymentOfDb(urlB) };
    expect(A.deployment.id).not.toBe(B.deployment.id);
    expect(A.deployment.queuePrefix).not.toBe(B.deployment.queuePrefix);
    expect(a.log()).toContain(`queue prefix ${A.deployment.queuePrefix}`);
    expect(bWorker.log()).toContain(`queue prefix ${B.deployment.queuePrefix}`);

    // The demo ids are drawn per database: no resident id is in both.
    const [{ n: sharedIds }] = await query<{ n: number }>(
      urlA,
      `SELECT count(*)::int AS n FROM resident WHERE id = ANY($1::uuid[])`,
      [(await query<{ id: string }>(urlB, 'SELECT id FROM resident')).map((r) => r.id)],
    );
    expect(sharedIds).toBe(0);

    const qa = queuesOf(redis.url, A.deployment.queuePrefix);
    const qb = queuesOf(redis.url, B.deployment.queuePrefix);
    opened.push(qa, qb);
    await waitUntil(
      'both installations drained',
      async () => (await drained(A, qa)) && (await drained(B, qb)),
      DRAIN_MS,
      1000,
    );

    // No event lost: every ranking event of each database is a completed job of its own.
    expect(await everyEventRanked(A, qa)).toBeGreaterThan(500);
    expect(await everyEventRanked(B, qb)).toBeGreaterThan(500);
    expect(await matchCount(urlA)).toBeGreaterThan(0);
    expect(await matchCount(urlB)).toBeGreaterThan(0);

    // Neither completed a job of the other: all completed jobs under a prefix are its own.
    for (const [inst, qs] of [
      [A, qa],
      [B, qb],
    ] as const) {
      for (const q of qs.values()) {
        const foreign = (await q.getCompleted(0, -1)).filter(
          (j) => (j.data as { deployment?: string }).deployment !== inst.deployment.id,
        );
        expect(foreign.map((j) => j.id)).toEqual([]);
      }
    }
    for (const p of [a, bApi]) {
      const ready = await call(p.url, 'GET', '/health/ready');
      expect(ready.status).toBe(200);
    }
    expect(
      (await call(a.url, 'GET', '/health/ready', { headers: { 'x-metrics-token': FAULT_METRICS_TOKEN } }))
        .body,
    ).toMatchObject({
      checks: { queues: { status: 'up', deployment: A.deployment.id, prefix: A.deployment.queuePrefix } },
    });
  }, 420_000);
});

describe('fault: a fresh database on a Redis that served an earlier install, same pinned prefix (issue 11 item 8)', () => {
  const url1 = sharedDatabaseUrl(uniqueName('earlier'));
  const url2 = sharedDatabaseUrl(uniqueName('fresh'));
  const prefix = uniqueName('pinned');
  const started: AppProcess[] = [];
  const opened: Map<QueueName, Queue>[] = [];
  let redis: PrivateRedis;
  const env = { LEYE_DEMO: 'true', WORKER_CONCURRENCY: '2' };

  beforeAll(async () => {
    redis = await PrivateRedis.create();
  });

  afterAll(async () => {
    for (const p of started) await p.stop('SIGKILL');
    await closeAll(opened);
    await redis?.stop();
    for (const url of [url1, url2]) await dropDatabaseAt(url).catch(() => undefined);
  }, 60_000);

  it('ranks at once although every entity id equals the earlier one: the job ids alone tell them apart', async () => {
    const queues = queuesOf(redis.url, prefix);
    opened.push(queues);
    const start = (name: string, url: string) =>
      startApp({
        role: 'all',
        name,
        databaseUrl: url,
        redisUrl: redis.url,
        queuePrefix: prefix,
        env,
        readyTimeoutMs: 180_000,
      });

    const earlier = await start('earlier', url1);
    started.push(earlier);
    const first: Installation = { url: url1, deployment: await deploymentOfDb(url1, prefix) };
    await waitUntil('the earlier install drained', () => drained(first, queues), DRAIN_MS, 1000);
    expect(await matchCount(url1)).toBeGreaterThan(0);
    await earlier.stop('SIGTERM');

    // The new database holds the very same rows and events as the earlier one (a restored copy),
    // but none of its results and no deployment id yet: only the job ids can differ.
    const admin = new URL(url1);
    admin.pathname = '/postgres';
    await query(
      admin.toString(),
      `CREATE DATABASE "${new URL(url2).pathname.slice(1)}" TEMPLATE "${new URL(url1).pathname.slice(1)}"`,
    );
    await query(url2, 'DELETE FROM deployment');
    await query(url2, 'TRUNCATE match, resident_recommendation, posting_match_list CASCADE');
    await query(url2, 'UPDATE outbox_event SET published_at = NULL');

    const fresh = await start('fresh', url2);
    started.push(fresh);
    const second: Installation = { url: url2, deployment: await deploymentOfDb(url2, prefix) };
    expect(second.deployment.id).not.toBe(first.deployment.id);
    await waitUntil('the fresh install drained', () => drained(second, queues), DRAIN_MS, 1000);

    expect(await everyEventRanked(second, queues)).toBeGreaterThan(500);
    expect(await matchCount(url2)).toBeGreaterThan(0);
    // The earlier installation stopped cleanly: the pinned prefix is the fresh one's alone now.
    expect((await call(fresh.url, 'GET', '/health/ready')).status).toBe(200);
  }, 600_000);
});
