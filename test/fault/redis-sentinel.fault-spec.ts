import {
  dropDatabaseAt,
  PrivateRedis,
  PrivateSentinel,
  sharedDatabaseUrl,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import { call, registerEmployer } from './http';
import { recordTiming } from './timings';

/*
 * Issue 8 ("Redis with AOF, noeviction and Sentinel"): with REDIS_SENTINELS set, every
 * connection — the api's client, queue producers, the worker's consumers — asks Sentinel for
 * the primary. REDIS_URL points nowhere, so working at all proves Sentinel is used; then the
 * primary dies, Sentinel promotes the replica, and the api is ready again without a restart.
 */
describe('fault: Redis behind Sentinel', () => {
  let primary: PrivateRedis;
  let replica: PrivateRedis;
  let sentinel: PrivateSentinel;
  let api: AppProcess;
  let worker: AppProcess;
  const dbUrl = sharedDatabaseUrl(uniqueName('sentinel'));
  const prefix = uniqueName('q');

  beforeAll(async () => {
    primary = await PrivateRedis.create();
    replica = await PrivateRedis.create(['--replicaof', '127.0.0.1', String(primary.port)]);
    sentinel = await PrivateSentinel.create(primary.port);
    const env = {
      REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`,
      REDIS_SENTINEL_MASTER: 'mymaster',
      LEYE_SCHEDULER: 'true',
    };
    // Port 1: nothing listens there. Only Sentinel can lead the processes to Redis.
    const redisUrl = 'redis://127.0.0.1:1';
    api = await startApp({
      role: 'api',
      name: 'sentinel-api',
      databaseUrl: dbUrl,
      redisUrl,
      queuePrefix: prefix,
      env: { ...env, LEYE_BOOTSTRAP: 'true' },
    });
    worker = await startApp({
      role: 'worker',
      name: 'sentinel-worker',
      databaseUrl: dbUrl,
      redisUrl,
      queuePrefix: prefix,
      env,
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api, worker].map((p) => p?.stop('SIGKILL')));
    await sentinel?.stop();
    await Promise.all([primary, replica].map((r) => r?.stop()));
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('finds the primary through Sentinel, and the new one after a failover', async () => {
    expect((await call(api.url, 'GET', '/health/ready')).status).toBe(200);
    expect((await registerEmployer(api.url)).status).toBe(201);
    // The worker registered its schedules in the primary it was sent to.
    await waitUntil(
      'the worker’s keys in the primary',
      async () => primary.cli('--scan', '--pattern', `${prefix}:*`) !== '',
      30_000,
    );

    // Sentinel must know the replica before it can promote it.
    await waitUntil(
      'sentinel to see the replica',
      async () => {
        const out = primary.cli('INFO', 'replication');
        return /connected_slaves:1/.test(out) && /state=online/.test(out);
      },
      30_000,
    );
    const killed = Date.now();
    await primary.stop();
    await waitUntil(
      'sentinel to promote the replica',
      async () => sentinel.primaryPort() === replica.port,
      60_000,
      200,
    );
    const promotedMs = Date.now() - killed;
    const readyMs = await waitUntil(
      'the api ready again on the new primary',
      async () => (await call(api.url, 'GET', '/health/ready')).status === 200,
      60_000,
      200,
    );
    recordTiming('redis-sentinel-failover', { promotedMs, readyAfterPromotionMs: readyMs });
    expect((await registerEmployer(api.url)).status).toBe(201);
    expect(replica.cli('ROLE').split('\n')[0]).toBe('master');
    expect(api.running() && worker.running()).toBe(true);
  }, 180_000);
});
