import { Queue } from 'bullmq';
import { Client } from 'pg';
import { JobName } from '../../src/platform/queue/job-name';
import { QueueName } from '../../src/platform/queue/queue-name';
import {
  dropDatabaseAt,
  query,
  sharedDatabaseUrl,
  sleep,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import { call, FAULT_PASSWORD, faultPhone, lastSmsCode } from './http';
import { recordTiming } from './timings';

/*
 * Issue 7: "SIGTERM on api and worker under load: in-flight requests finish, jobs finish or are
 * left for another worker, the process exits 0." Issue 2: "the worker starts and stops cleanly".
 * Slow requests and jobs are made deterministic with a table lock held by the test: the
 * requests are provably in flight (waiting on the lock in pg_stat_activity) when the signal goes.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Holds `LOCK TABLE` in an open transaction until `release()`. */
async function lockTable(url: string, table: string): Promise<{ release(): Promise<void> }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await c.query('COMMIT');
      await c.end();
    },
  };
}

/** How many sessions of the app wait on a lock right now. */
async function waitingOnLocks(url: string): Promise<number> {
  const db = new URL(url).pathname.slice(1);
  const rows = await query<{ n: string }>(
    url,
    `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
    [db],
  );
  return Number(rows[0].n);
}

function maintenanceQueue(prefix: string): Queue {
  const u = new URL(REDIS_URL);
  return new Queue(QueueName.Maintenance, {
    connection: { host: u.hostname, port: Number(u.port || 6379) },
    prefix,
  });
}

describe('fault: SIGTERM on the api under load', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('sigterm_api'));
  let api: AppProcess;

  beforeAll(async () => {
    api = await startApp({
      role: 'api',
      name: 'sigterm-api',
      databaseUrl: dbUrl,
      env: { LEYE_BOOTSTRAP: 'true' },
    });
  }, 180_000);

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('lets in-flight requests finish with 2xx and exits 0', async () => {
    // Registration is two requests (a code, then the account): the first step is taken before
    // the lock, so what waits on app_user when SIGTERM comes is the step that creates the account.
    const started = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const phone = faultPhone();
        const start = await call(api.url, 'POST', '/api/v1/auth/register', {
          body: { phone, password: FAULT_PASSWORD, name: '故障测试', role: 'employer' },
        });
        expect(start.status).toBe(202);
        return { phone, ticket: start.body.ticket as string, code: lastSmsCode(api.url, phone)! };
      }),
    );
    const lock = await lockTable(dbUrl, 'app_user');
    let released = false;
    try {
      const inFlight = started.map((s) => call(api.url, 'POST', '/api/v1/auth/register/verify', { body: s }));
      await waitUntil(
        '6 registrations waiting on the lock',
        async () => (await waitingOnLocks(dbUrl)) >= 6,
        30_000,
      );

      const signalled = Date.now();
      api.proc.kill('SIGTERM');
      await sleep(1000);
      // Still draining: the requests are not cut off.
      expect(api.running()).toBe(true);
      await lock.release();
      released = true;

      const answers = await Promise.all(inFlight);
      const exit = await api.exited;
      recordTiming('sigterm-api', { exitAfterSignalMs: Date.now() - signalled, inFlight: answers.length });
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(exit).toEqual({ code: 0, signal: null });
      const ids = answers.map((a) => (a.body.user as { id: string }).id);
      expect(await query(dbUrl, 'SELECT id FROM app_user WHERE id = ANY($1)', [ids])).toHaveLength(6);
    } finally {
      if (!released) await lock.release();
    }
  }, 120_000);
});

describe('fault: the worker under SIGTERM and SIGKILL', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('sigterm_worker'));
  const prefix = uniqueName('q');
  let queue: Queue;
  const workers: AppProcess[] = [];
  const worker = async (name: string): Promise<AppProcess> => {
    const w = await startApp({
      role: 'worker',
      name,
      databaseUrl: dbUrl,
      queuePrefix: prefix,
      env: { LEYE_BOOTSTRAP: 'true' },
    });
    workers.push(w);
    return w;
  };

  beforeAll(() => {
    queue = maintenanceQueue(prefix);
  });

  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL');
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('starts (logs ready) and stops cleanly on SIGTERM with exit code 0', async () => {
    const w = await worker('worker-clean');
    expect(w.log()).toMatch(/Worker started/);
    const started = Date.now();
    const exit = await w.stop('SIGTERM');
    const stopMs = Date.now() - started;
    recordTiming('worker-clean-stop', { stopMs });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stopMs).toBeLessThan(15_000);
  }, 180_000);

  it('lets an active job finish before exiting 0 on SIGTERM', async () => {
    const w = await worker('worker-sigterm');
    const lock = await lockTable(dbUrl, 'auth_session');
    let released = false;
    try {
      const job = await queue.add(JobName.PurgeExpiredSessions, {}, { jobId: 'purge-sigterm', attempts: 1 });
      await waitUntil(
        'the job to be active and blocked',
        async () => (await waitingOnLocks(dbUrl)) >= 1,
        30_000,
      );
      expect(await job.getState()).toBe('active');

      const signalled = Date.now();
      w.proc.kill('SIGTERM');
      await sleep(1500);
      expect(w.running()).toBe(true);
      await lock.release();
      released = true;

      const exit = await w.exited;
      recordTiming('sigterm-worker-active-job', { exitAfterSignalMs: Date.now() - signalled });
      expect(exit).toEqual({ code: 0, signal: null });
      const done = await queue.getJob('purge-sigterm');
      expect(await done?.getState()).toBe('completed');
      expect(done?.returnvalue).toEqual({ purged: expect.any(Number) });
    } finally {
      if (!released) await lock.release();
    }
  }, 180_000);

  it('hands a job whose worker was killed (SIGKILL) to the next worker', async () => {
    const first = await worker('worker-sigkill');
    const lock = await lockTable(dbUrl, 'auth_session');
    let released = false;
    try {
      const job = await queue.add(JobName.PurgeExpiredSessions, {}, { jobId: 'purge-sigkill', attempts: 3 });
      await waitUntil(
        'the job to be active and blocked',
        async () => (await waitingOnLocks(dbUrl)) >= 1,
        30_000,
      );
      expect(await job.getState()).toBe('active');
      await first.stop('SIGKILL');
      await lock.release();
      released = true;

      const killed = Date.now();
      await worker('worker-after-sigkill');
      const recoveredMs = await waitUntil(
        'the next worker to complete the job',
        async () => (await queue.getJob('purge-sigkill'))?.getState().then((s) => s === 'completed') ?? false,
        120_000,
        500,
      );
      recordTiming('sigkill-worker-job-recovered', { sinceKillMs: Date.now() - killed, recoveredMs });
    } finally {
      if (!released) await lock.release();
    }
  }, 240_000);
});
