import {
  dropDatabaseAt,
  FAULT_METRICS_TOKEN,
  PrivateRedis,
  query,
  sharedDatabaseUrl,
  sleep,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import { call, loginToken, registerEmployer } from './http';
import { recordTiming } from './timings';

/*
 * Issue 7: "Redis stops while [...] profiles change: the API keeps accepting and saving them,
 * /health/ready reports Redis down". Rate limits fall back to their in-memory insurance
 * limiter; the queue producers fail fast instead of hanging. (The outbox → ranking half is
 * added with the matching worker.) The api runs on a private Redis that the test kills.
 */
describe('fault: Redis stops', () => {
  let redis: PrivateRedis;
  let api: AppProcess;
  const dbUrl = sharedDatabaseUrl(uniqueName('redis'));

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    api = await startApp({
      role: 'api',
      name: 'redis-stop-api',
      databaseUrl: dbUrl,
      redisUrl: redis.url,
      env: { LEYE_BOOTSTRAP: 'true' },
    });
  }, 180_000);

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await redis?.stop();
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('keeps serving logins and writes, reports Redis down, and is ready again when it returns', async () => {
    const before = await registerEmployer(api.url);
    expect(before.status).toBe(201);
    expect((await call(api.url, 'GET', '/health/ready')).status).toBe(200);

    await redis.stop();
    const down = await waitUntil(
      'ready to report redis down',
      async () => (await call(api.url, 'GET', '/health/ready')).status === 503,
      20_000,
    );
    const ready = await call(api.url, 'GET', '/health/ready');
    expect(ready.body).toMatchObject({
      status: 'unavailable',
      checks: { postgres: { status: 'up' }, redis: { status: 'down' } },
    });

    // Sign-in, a token-authenticated read and new registrations all work without Redis.
    const token = await loginToken(api.url, before.phone);
    expect((await call(api.url, 'GET', '/api/v1/me', { token })).status).toBe(200);
    const written: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reg = await registerEmployer(api.url);
      expect(reg.status).toBe(201);
      written.push((reg.body.user as { id: string }).id);
    }
    // Failed logins are still counted (in memory) and answered 401, never 5xx.
    const wrong = await call(api.url, 'POST', '/api/v1/auth/login', {
      body: { phone: before.phone, password: 'Wrong-pass-1' },
    });
    expect(wrong.status).toBe(401);
    // The metrics page answers too (queue depths are simply missing while Redis is away).
    expect((await call(api.url, 'GET', '/metrics', { token: FAULT_METRICS_TOKEN })).status).toBe(200);
    expect(api.running()).toBe(true);

    await sleep(500);
    await redis.start();
    const back = Date.now();
    const readyMs = await waitUntil(
      'ready after Redis returned',
      async () => (await call(api.url, 'GET', '/health/ready')).status === 200,
      30_000,
      50,
    );
    recordTiming('redis-stop', { detectDownMs: down, readyMs, sinceBackMs: Date.now() - back });
    expect(readyMs).toBeLessThan(20_000);

    const rows = await query<{ id: string }>(dbUrl, 'SELECT id FROM app_user WHERE id = ANY($1)', [written]);
    expect(rows).toHaveLength(written.length);
    expect((await registerEmployer(api.url)).status).toBe(201);
  }, 180_000);
});
