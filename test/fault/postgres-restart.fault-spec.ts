import { PrivatePostgres, query, sleep, startApp, waitUntil, type AppProcess } from '../support/processes';
import { call, faultPhone, loginToken, registerEmployer } from './http';
import { recordTiming } from './timings';

/*
 * Issue 7: "PostgreSQL restarts under load: requests during the outage get 503 (not 500, not a
 * crash), the service recovers by itself within seconds of PostgreSQL returning, and no
 * acknowledged write is lost." The api runs on a private PostgreSQL cluster that the test stops.
 */
describe('fault: PostgreSQL restarts under load', () => {
  let pg: PrivatePostgres;
  let api: AppProcess;
  const dbUrl = (): string => pg.url('leye');

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    api = await startApp({
      role: 'api',
      name: 'pg-restart-api',
      databaseUrl: dbUrl(),
      env: { LEYE_BOOTSTRAP: 'true', DATABASE_POOL_SIZE: '10' },
    });
  }, 180_000);

  afterAll(async () => {
    await api?.stop('SIGKILL');
    pg?.destroy();
  }, 60_000);

  it('answers 503 during the outage, recovers by itself, and loses no acknowledged write', async () => {
    const owner = await registerEmployer(api.url);
    expect(owner.status).toBe(201);
    const token = await loginToken(api.url, owner.phone);

    // Steady traffic: registrations (writes) and /me (reads with a token), four at a time.
    const acknowledged: { id: string; phone: string }[] = [];
    const statuses: number[] = [];
    const outageStatuses: number[] = [];
    // Any answer that is not 200/201/503, with its request id, to find its cause in the api's log.
    const unexpected: { path: string; status: number; requestId?: unknown }[] = [];
    const note = (path: string, a: { status: number; body: Record<string, unknown> }): void => {
      if (![200, 201, 503].includes(a.status))
        unexpected.push({ path, status: a.status, requestId: a.body.requestId });
    };
    let outage = false;
    let running = true;
    const client = async (): Promise<void> => {
      while (running) {
        const duringOutage = outage;
        try {
          const reg = await registerEmployer(api.url, faultPhone());
          statuses.push(reg.status);
          note('register', reg);
          if (duringOutage) outageStatuses.push(reg.status);
          if (reg.status === 201)
            acknowledged.push({ id: (reg.body.user as { id: string }).id, phone: reg.phone });
          const me = await call(api.url, 'GET', '/api/v1/me', { token });
          statuses.push(me.status);
          note('me', me);
          if (duringOutage) outageStatuses.push(me.status);
        } catch (e) {
          // A refused or reset connection would mean the process died or dropped the request.
          statuses.push(-1);
          throw e;
        }
        await sleep(20);
      }
    };
    const clients = [client(), client(), client(), client()];
    await sleep(1500);

    pg.stop('fast');
    outage = true;
    await sleep(3000);
    const readyDuringOutage = await call(api.url, 'GET', '/health/ready');
    const meDuringOutage = await call(api.url, 'GET', '/api/v1/me', { token });
    const regDuringOutage = await registerEmployer(api.url);
    await sleep(1000);

    pg.start();
    outage = false;
    const readyMs = await waitUntil(
      'ready after PostgreSQL returned',
      async () => (await call(api.url, 'GET', '/health/ready')).status === 200,
      60_000,
      50,
    );
    const writeMs = await waitUntil(
      'a registration to succeed again',
      async () => (await registerEmployer(api.url)).status === 201,
      60_000,
      50,
    );
    await sleep(1500);
    running = false;
    await Promise.all(clients);
    recordTiming('postgres-restart', {
      readyMs,
      firstWriteMs: readyMs + writeMs,
      requests: statuses.length,
      outageRequests: outageStatuses.length,
    });

    expect(api.running()).toBe(true);
    expect(readyDuringOutage.status).toBe(503);
    expect(readyDuringOutage.body).toMatchObject({ checks: { postgres: { status: 'down' } } });
    expect(meDuringOutage.status).toBe(503);
    expect(meDuringOutage.body).toMatchObject({ statusCode: 503, requestId: expect.any(String) });
    expect(meDuringOutage.headers.get('retry-after')).toBeTruthy();
    expect(regDuringOutage.status).toBe(503);
    // Every answer is a success or a 503: never a 500, never a dropped connection.
    const causes = unexpected.map((u) => ({
      ...u,
      log: api
        .log()
        .split('\n')
        .filter((line) => typeof u.requestId === 'string' && line.includes(u.requestId))
        .map((line) => line.slice(0, 1500)),
    }));
    expect(causes).toEqual([]);
    expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 503)).toEqual([]);
    expect(outageStatuses.length).toBeGreaterThan(0);
    expect(readyMs).toBeLessThan(30_000);

    // No acknowledged write is lost: every 201 is a row (and its audit entry) in the database.
    expect(acknowledged.length).toBeGreaterThan(5);
    const ids = acknowledged.map((a) => a.id);
    const users = await query<{ id: string }>(dbUrl(), 'SELECT id FROM app_user WHERE id = ANY($1)', [ids]);
    expect(users.map((u) => u.id).sort()).toEqual([...ids].sort());
    const audits = await query<{ n: string }>(
      dbUrl(),
      `SELECT count(DISTINCT entity_id) AS n FROM audit_entry WHERE action = 'auth.register' AND entity_id = ANY($1)`,
      [ids],
    );
    expect(Number(audits[0].n)).toBe(ids.length);
    // And each of those users can sign in.
    for (const a of acknowledged.slice(0, 3)) await loginToken(api.url, a.phone);
  }, 240_000);
});
