import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QueueName } from '../../src/platform/queue/queue-name';
import {
  BUILD_DIR,
  dropDatabaseAt,
  query,
  sharedDatabaseUrl,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';

/*
 * Issue 8, scale-out: 2 api and 3 worker processes of the built app on the same PostgreSQL and
 * Redis (their own database and queue prefix). The same workload runs twice, first with 1
 * worker, then with 3: every resident and every open posting changes (version + 1) and its
 * outbox row is written — twice, as a replaying writer would. Every row must be published, every
 * job completed (none failed), each event ranked once (fixed job ids), and no match row or
 * notification exists twice. Meanwhile the two api processes answer searches.
 *
 * The size by default: 8 000 residents and 2 000 open postings on 20 sites, 10 000 events
 * per run (20 000 outbox rows each, with the replays), 40 000 rows in all, about 4 minutes on
 * the 2-core CI machine. LEYE_SCALE_RESIDENTS / LEYE_SCALE_POSTINGS make it smaller or larger.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RESIDENTS = Number(process.env.LEYE_SCALE_RESIDENTS ?? 8000);
const POSTINGS = Number(process.env.LEYE_SCALE_POSTINGS ?? 2000);
const SITES = 20;

interface RunFigures {
  workers: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  searches: number;
}

describe('scale-out: 2 api and 3 worker processes on one PostgreSQL and Redis', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('scale'));
  const prefix = uniqueName('q');
  const apis: AppProcess[] = [];
  const workers: AppProcess[] = [];
  const queues = new Map<QueueName, Queue>();
  const runs: RunFigures[] = [];

  const queue = (name: QueueName): Queue => {
    let q = queues.get(name);
    if (!q) {
      const u = new URL(REDIS_URL);
      q = new Queue(name, { connection: { host: u.hostname, port: Number(u.port || 6379) }, prefix });
      queues.set(name, q);
    }
    return q;
  };

  const startWorker = async (i: number): Promise<void> => {
    workers.push(
      await startApp({ role: 'worker', name: `scale-worker-${i}`, databaseUrl: dbUrl, queuePrefix: prefix }),
    );
  };

  /** Waiting, active, delayed and prioritized jobs of every queue. */
  const backlog = async (): Promise<number> => {
    let n = 0;
    for (const name of [QueueName.Matching, QueueName.Notifications]) {
      const c = await queue(name).getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      n += c.waiting + c.active + c.delayed + c.prioritized + c['waiting-children'];
    }
    return n;
  };

  /**
   * One workload: every resident and every open posting gets a new version and its outbox row
   * (written twice). Waits until all rows are published and the queues are drained.
   */
  const runWorkload = async (workerCount: number): Promise<RunFigures> => {
    const started = Date.now();
    const [{ n }] = await query<{ n: string }>(
      dbUrl,
      `WITH r AS (UPDATE resident SET version = version + 1 RETURNING id, version),
            p AS (UPDATE posting SET version = version + 1 WHERE status = 'open' RETURNING id, version),
            ev AS (SELECT 'resident.changed' AS kind, id, version FROM r
                   UNION ALL SELECT 'posting.changed', id, version FROM p),
            ins AS (INSERT INTO outbox_event (kind, entity_id, version, payload)
                    SELECT kind, id, version, '{}'::jsonb FROM ev, generate_series(1, 2) RETURNING 1)
       SELECT (SELECT count(*) FROM ev) AS n`,
    );
    const events = Number(n);
    // Searches against both api processes while the workers rank.
    let searching = true;
    let searches = 0;
    const searchLoop = (async () => {
      while (searching) {
        for (const api of apis) {
          const res = await fetch(`${api.url}/api/v1/postings?q=${encodeURIComponent('工')}&pageSize=5`);
          expect(res.status).toBe(200);
          searches += 1;
        }
      }
    })();
    try {
      await waitUntil(
        `${events} events ranked by ${workerCount} worker(s)`,
        async () => {
          const [o] = await query<{ n: string }>(
            dbUrl,
            'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
          );
          return Number(o.n) === 0 && (await backlog()) === 0;
        },
        480_000,
        250,
      );
    } finally {
      searching = false;
      await searchLoop;
    }
    const seconds = (Date.now() - started) / 1000;
    const figures = {
      workers: workerCount,
      events,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round(events / seconds),
      searches,
    };
    runs.push(figures);
    return figures;
  };

  beforeAll(async () => {
    // A small county through the generator CLI of the same build (migrates and loads reference data).
    const gen = spawnSync(
      process.execPath,
      [
        join(BUILD_DIR, 'dist', 'src', 'cli', 'generate.js'),
        '--residents',
        String(RESIDENTS),
        '--postings',
        String(POSTINGS),
        '--sites',
        String(SITES),
        '--seed',
        '8',
        '--database-url',
        dbUrl,
      ],
      { cwd: BUILD_DIR, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    if (gen.status !== 0) throw new Error(`generate failed: ${gen.stdout}\n${gen.stderr}`);
    for (let i = 0; i < 2; i++)
      apis.push(
        await startApp({
          role: 'api',
          name: `scale-api-${i}`,
          databaseUrl: dbUrl,
          queuePrefix: prefix,
          env: { SEARCH_REQUESTS_PER_MINUTE: '1000000' },
        }),
      );
    await startWorker(0);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.stop('SIGTERM').catch(() => undefined)));
    for (const q of queues.values()) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await dropDatabaseAt(dbUrl).catch(() => undefined);
    if (runs.length) {
      console.log(
        [
          'scale-out throughput (same workload each run):',
          ...runs.map(
            (r) =>
              `  ${r.workers} worker(s): ${r.events} events in ${r.seconds} s = ${r.eventsPerSecond} events/s (${r.searches} searches answered meanwhile)`,
          ),
        ].join('\n'),
      );
    }
  }, 120_000);

  it('processes every event once with 1 worker, then with 3, with no duplicate matches or notifications', async () => {
    const one = await runWorkload(1);
    await startWorker(1);
    await startWorker(2);
    const three = await runWorkload(3);
    expect(one.events).toBe(three.events);
    expect(one.events).toBeGreaterThanOrEqual(RESIDENTS);

    // Every outbox row published (written twice per event), every job completed, none failed.
    const [ob] = await query<{ total: string; unpublished: string }>(
      dbUrl,
      `SELECT count(*) AS total, count(*) FILTER (WHERE published_at IS NULL) AS unpublished FROM outbox_event
        WHERE kind IN ('resident.changed', 'posting.changed')`,
    );
    expect(Number(ob.unpublished)).toBe(0);
    expect(Number(ob.total)).toBe(2 * (one.events + three.events));
    const counts = await queue(QueueName.Matching).getJobCounts('completed', 'failed');
    expect(counts.failed).toBe(0);
    // The replayed rows added nothing: one job per event (job id = kind, entity id, version).
    expect(counts.completed).toBe(one.events + three.events);

    // Every worker took part in the second run (the work spreads over the processes).
    for (const w of workers) expect(w.log()).toMatch(/rank-(posting|resident) done/);

    // Nothing stored twice.
    const [m] = await query<{ rows: string; pairs: string }>(
      dbUrl,
      'SELECT count(*) AS rows, count(DISTINCT (posting_id, resident_id)) AS pairs FROM match',
    );
    expect(Number(m.rows)).toBeGreaterThan(0);
    expect(Number(m.rows)).toBe(Number(m.pairs));
    const [nt] = await query<{ rows: string; distinct: string; keys: string }>(
      dbUrl,
      `SELECT count(*) AS rows, count(DISTINCT dedup_key) AS keys,
              count(DISTINCT (recipient_user_id, kind, payload->>'postingId', payload->>'siteId', title)) AS distinct
         FROM notification WHERE kind = 'match.posting_ranked'`,
    );
    expect(Number(nt.rows)).toBeGreaterThan(0);
    expect(Number(nt.rows)).toBe(Number(nt.keys));
    // One per officer, posting version and site: two versions ranked, so at most 2 per (officer, posting, site).
    const dupes = await query(
      dbUrl,
      `SELECT recipient_user_id, payload->>'postingId', payload->>'siteId', count(*) FROM notification
        WHERE kind = 'match.posting_ranked' GROUP BY 1, 2, 3 HAVING count(*) > 2`,
    );
    expect(dupes).toEqual([]);
    // Current lists: each resident's recommendations belong to one ranking.
    const recDupes = await query(
      dbUrl,
      'SELECT resident_id, posting_id FROM resident_recommendation GROUP BY 1, 2 HAVING count(*) > 1',
    );
    expect(recDupes).toEqual([]);

    // The api processes answer the one-query readiness probe.
    for (const api of apis) expect((await fetch(`${api.url}/health/db`)).status).toBe(200);
  }, 1_200_000);
});
