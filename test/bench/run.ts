/**
 * `npm run bench` (issue 8): the county benchmark. Builds or reuses generated databases on the
 * configured PostgreSQL, measures every figure of issue 8 and writes them, with the machine and
 * the date, to test/bench/results/<date>.json and .md (and latest.md).
 *
 *   npm run bench [-- --fresh] [-- --residents 100000 --postings 10000 --sites 200 --seed 1]
 *   npm run bench -- --help
 *
 * - `leye_bench_county` (100k residents, 10k open postings, 200 sites, seed 1): ranking, re-rank,
 *   notifications, engine and naive baseline. Reused when its counts match; --fresh rebuilds.
 * - `leye_bench_search` (2k residents, 50k open postings, 200 sites, seed 2): the search load test.
 * Jobs and HTTP run in child processes of the built app (dist/src/main.js), so the benchmark's own
 * event loop never shares theirs; rank-posting and rank-resident latencies call the job handlers'
 * process() directly in a Nest application context (database reads and writes included).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../src/access/auth-user';
import { AppModule } from '../../src/app.module';
import { projectRoot } from '../../src/platform/config/project-root';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { Deployment } from '../../src/platform/database/deployment';
import { generateDatabase } from '../../tools/demo/generate';
import { RankPostingJob } from '../../src/matching/jobs/rank-posting.job';
import { RankResidentJob } from '../../src/matching/jobs/rank-resident.job';
import { CandidateLoader } from '../../src/matching/loaders/candidate.loader';
import { MatchingSettings } from '../../src/matching/matching-settings';
import type { RerankOutcome, RerankTime } from '../../src/matching/ranking.service';
import { PostingsService } from '../../src/postings/postings.service';
import { JobName } from '../../src/platform/queue/job-name';
import { JobQueue } from '../../src/platform/queue/job-queue.service';
import { outboxJobId } from '../../src/platform/queue/outbox-routes';
import { QueueName } from '../../src/platform/queue/queue-name';
import { autocannonRun, type LoadResult } from './autocannon-run';
import {
  databaseExists,
  databaseUrlFor,
  describeMachine,
  dropDatabase,
  percentile,
  query,
  round,
  sleep,
  startChild,
  waitFor,
  type ChildApp,
  type Machine,
} from './bench-support';
import { copyAnchor, type CopyAnchor } from './copy-anchor';
import { benchEngine } from './engine-bench';
import { settledLoad, type LoadMark } from './load-gate';
import { naiveBaseline } from './naive-baseline';
import { realLifeFigures, removeRealLife } from './real-life';
import { renderMarkdown, type BenchFigure } from './report';

const BENCH_TITLE = '[bench] ';

const USAGE = `npm run bench [-- options]
  --fresh                 rebuild the generated databases
  --residents N           county residents (100000)
  --postings N            county open postings (10000)
  --sites N               county sites (200)
  --seed N                county generator seed (1)
  --search-postings N     postings of the search database (50000)
  --rank-postings N       rank-posting samples (50)
  --rank-residents N      rank-resident samples (200)
  --load-seconds N        autocannon seconds per HTTP row (10)
  --rerank-minutes N      limit of the full re-rank (6)
  --out DIR               where the report goes (test/bench/results)
  --db-prefix NAME        databases NAME_county and NAME_search (leye_bench)
Anchors measured in the same run: a bare NestJS + Fastify app (HTTP rows), a COPY of the
re-rank's rows (store rate), the bare loop (engine). Each row waits up to
BENCH_SETTLE_SECONDS (90) for the load to settle; a row started at a high load is NOISY.`;
const STRONG_PROBE_POSTINGS = 20;

interface Sizes {
  residents: number;
  postings: number;
  sites: number;
  seed: number;
}

export interface BenchReport {
  date: string;
  machine: Machine;
  county: Sizes & { seekers: number; generatedMs: number | null };
  search: Sizes & { generatedMs: number | null };
  /** Names of the generated databases (--db-prefix). */
  databases?: { county: string; search: string };
  totalSeconds: number;
  figures: BenchFigure[];
  raw: Record<string, unknown>;
}

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Reuses the database when it holds exactly the population asked for; else builds it. */
async function ensurePopulation(url: string, sizes: Sizes, fresh: boolean): Promise<number | null> {
  const name = new URL(url).pathname.slice(1);
  if (!fresh && (await databaseExists(url))) {
    try {
      // Postings the benchmark itself published in an earlier run are closed again first.
      await query(
        url,
        `UPDATE posting SET status = 'closed', closed_at = now() WHERE title LIKE $1 AND status = 'open'`,
        [`${BENCH_TITLE}%`],
      );
      // Real-life fixture records an interrupted run left behind (test/bench/real-life.ts).
      await removeRealLife(url);
      const [c] = await query<{ residents: string; postings: string; sites: string }>(
        url,
        `SELECT (SELECT count(*) FROM resident) AS residents,
                (SELECT count(*) FROM posting WHERE status = 'open') AS postings,
                (SELECT count(*) FROM site) AS sites`,
      );
      if (
        Number(c.residents) === sizes.residents &&
        Number(c.postings) === sizes.postings &&
        Number(c.sites) === sizes.sites
      ) {
        // A database generated by an older checkout gets the migrations added since.
        const ds = new DataSource(dataSourceOptions(url));
        await ds.initialize();
        try {
          const applied = await ds.runMigrations({ transaction: 'each' });
          if (applied.length) log(`  applied ${applied.map((m) => m.name).join(', ')}`);
        } finally {
          await ds.destroy();
        }
        // Fresh statistics, as autovacuum keeps them on a production PostgreSQL: on a machine
        // whose autovacuum is off (this workplace's), a table the last run filled (328k
        // recommendations) had none, and the plans that read it made rank-posting 4× slower.
        await query(url, 'ANALYZE');
        log(`reusing ${name} (${c.residents} residents, ${c.postings} open postings, ${c.sites} sites)`);
        return null;
      }
      log(`${name} holds ${c.residents}/${c.postings}/${c.sites}: rebuilding`);
    } catch (e) {
      log(`${name} unusable (${(e as Error).message}): rebuilding`);
    }
  }
  await dropDatabase(url);
  const started = Date.now();
  log(
    `generating ${name}: ${sizes.residents} residents, ${sizes.postings} postings, ${sizes.sites} sites, seed ${sizes.seed}`,
  );
  await generateDatabase(url, { ...sizes, log: (l) => log(`  ${l}`) });
  return Date.now() - started;
}

/**
 * The three slowest rank-posting jobs with their order in the run, candidates and phases: a tail
 * of early jobs is warm-up, one of large candidate sets is work, one in store is waiting.
 */
function slowestPostings(
  ms: number[],
  candidates: number[],
  split: { loadMs: number[]; rankMs: number[]; storeMs: number[] },
): string {
  return ms
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t - a.t)
    .slice(0, 3)
    .map(
      ({ t, i }) =>
        `#${i + 1} ${round(t)} ms (${candidates[i]} candidates; load ${split.loadMs[i]}, rank ${split.rankMs[i]}, store ${split.storeMs[i]} ms)`,
    )
    .join(', ');
}

/** rank-posting jobs run on an empty seeker cache, before the cache is warmed (reference row). */
const COLD_POSTINGS = 20;

function arg(v: string | undefined, fallback: number): number {
  return v === undefined ? fallback : Number(v);
}

/** Waiting + active + delayed + prioritized jobs of the matching queues (events and re-rank batches). */
async function matchingBacklog(
  queues: JobQueue,
): Promise<{ backlog: number; failed: number; completed: number }> {
  const out = { backlog: 0, failed: 0, completed: 0 };
  for (const name of [QueueName.Matching, QueueName.MatchingBulk]) {
    const c = await queues
      .queue(name)
      .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed');
    out.backlog += c.waiting + c.active + c.delayed + c.prioritized + c['waiting-children'];
    out.failed += c.failed;
    out.completed += c.completed;
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean' },
      residents: { type: 'string' },
      postings: { type: 'string' },
      sites: { type: 'string' },
      seed: { type: 'string' },
      'search-postings': { type: 'string' },
      'rank-postings': { type: 'string' },
      'rank-residents': { type: 'string' },
      'load-seconds': { type: 'string' },
      'rerank-minutes': { type: 'string' },
      out: { type: 'string' },
      'db-prefix': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const t0 = Date.now();
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // A small trial run gets its own databases (--db-prefix) and leaves the full-size ones alone.
  const dbPrefix = values['db-prefix'] ?? 'leye_bench';
  const countyUrl = databaseUrlFor(baseUrl, `${dbPrefix}_county`);
  const searchUrl = databaseUrlFor(baseUrl, `${dbPrefix}_search`);
  const county: Sizes = {
    residents: arg(values.residents, 100_000),
    postings: arg(values.postings, 10_000),
    sites: arg(values.sites, 200),
    seed: arg(values.seed, 1),
  };
  const search: Sizes = {
    residents: 2_000,
    postings: arg(values['search-postings'], 50_000),
    sites: 200,
    seed: 2,
  };
  const rankPostings = arg(values['rank-postings'], 50);
  const rankResidents = arg(values['rank-residents'], 200);
  const loadSeconds = arg(values['load-seconds'], 10);
  const rerankLimitMs = arg(values['rerank-minutes'], 6) * 60_000;
  const root = projectRoot();
  const outDir = values.out ?? join(root, 'test', 'bench', 'results');
  const logDir = join(root, 'test-output', 'bench-logs');
  const prefix = `bench_${Date.now().toString(36)}`;
  const raw: Record<string, unknown> = {};
  const marks: Record<string, LoadMark> = {};

  const machine = await describeMachine(databaseUrlFor(baseUrl, 'postgres'), redisUrl);
  log(
    `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  );
  const countyGeneratedMs = await ensurePopulation(countyUrl, county, values.fresh ?? false);
  const searchGeneratedMs = await ensurePopulation(searchUrl, search, values.fresh ?? false);

  // ---- in-process: job handlers on the county database ----------------------------------
  Object.assign(process.env, {
    DATABASE_URL: countyUrl,
    REDIS_URL: redisUrl,
    LEYE_ROLE: 'api',
    LEYE_BOOTSTRAP: 'false',
    LEYE_DEMO: 'false',
    LEYE_SCHEDULER: 'false',
    LEYE_QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forConfig({ role: 'api', demo: false }), {
    logger: ['error', 'warn'],
  });
  const ds = app.get<DataSource>(getDataSourceToken());
  const cfg = app.get(MatchingSettings).config;
  const [{ seekers }] = await query<{ seekers: string }>(
    countyUrl,
    `SELECT count(*) AS seekers FROM resident r WHERE r.status = 'active' AND r.erased_at IS NULL
        AND r.employment_status = 'unemployed' AND r.labor_capacity <> 'none'`,
  );

  // rank-posting: the job handler, database reads and writes included.
  const rankPosting = app.get(RankPostingJob);
  const sample: { id: string; version: number }[] = await ds.query(
    `SELECT id, version FROM posting WHERE status = 'open' AND title NOT LIKE $1 ORDER BY md5(id::text) LIMIT $2`,
    [`${BENCH_TITLE}%`, rankPostings + 3 + COLD_POSTINGS],
  );
  marks.rankPosting = await settledLoad();
  // A fresh worker's first jobs, seeker cache empty (after 3 jobs of JIT warm-up): the reference
  // the start-up warm-up is judged by. Then the cache is filled as startWorker does
  // (CandidateLoader.warm), and the measured jobs run on other postings.
  const loader = app.get(CandidateLoader);
  const coldMs: number[] = [];
  for (const [i, p] of sample.slice(0, 3 + COLD_POSTINGS).entries()) {
    if (i === 3) loader.cache.clear();
    const t = performance.now();
    await rankPosting.process({ postingId: p.id, version: Number(p.version) });
    if (i >= 3) coldMs.push(performance.now() - t);
  }
  loader.cache.clear();
  const warmUp = await loader.warm(cfg.distance);
  log(
    `rank-posting, cold cache: p50 ${percentile(coldMs, 50).toFixed(1)} ms, p95 ${percentile(coldMs, 95).toFixed(1)} ms; warm-up ${warmUp.seekers} seekers in ${warmUp.ms} ms`,
  );
  const postingMs: number[] = [];
  const candidates: number[] = [];
  const split = { loadMs: [] as number[], rankMs: [] as number[], storeMs: [] as number[] };
  for (const [i, p] of sample.slice(COLD_POSTINGS).entries()) {
    const t = performance.now();
    const out = await rankPosting.process({ postingId: p.id, version: Number(p.version) });
    if (i >= 3) {
      postingMs.push(performance.now() - t);
      candidates.push(out.candidates ?? 0);
      split.loadMs.push(out.loadMs ?? 0);
      split.rankMs.push(out.rankMs ?? 0);
      split.storeMs.push(out.storeMs ?? 0);
    }
  }
  log(
    `rank-posting: p50 ${percentile(postingMs, 50).toFixed(1)} ms, p95 ${percentile(postingMs, 95).toFixed(1)} ms (${postingMs.length} postings, median ${percentile(candidates, 50)} candidates; p50 load ${percentile(split.loadMs, 50)} / rank ${percentile(split.rankMs, 50)} / store ${percentile(split.storeMs, 50)} ms)`,
  );

  const rankResident = app.get(RankResidentJob);
  const residents: { id: string; version: number }[] = await ds.query(
    `SELECT id, version FROM resident r WHERE r.status = 'active' AND r.erased_at IS NULL
        AND r.employment_status = 'unemployed' AND r.labor_capacity <> 'none' ORDER BY md5(id::text) LIMIT $1`,
    [rankResidents + 5],
  );
  marks.rankResident = await settledLoad();
  const residentMs: number[] = [];
  for (const [i, r] of residents.entries()) {
    const t = performance.now();
    await rankResident.process({ residentId: r.id, version: Number(r.version) });
    if (i >= 5) residentMs.push(performance.now() - t);
  }
  log(
    `rank-resident: p50 ${percentile(residentMs, 50).toFixed(1)} ms, p95 ${percentile(residentMs, 95).toFixed(1)} ms (${residentMs.length} residents)`,
  );

  // Engine against the bare loop (the standalone engine benchmark, same process, same run).
  marks.engine = await settledLoad();
  const engine = benchEngine({ residents: 100_000, postings: 50, seed: county.seed });
  raw.engine = engine;
  log(
    `engine: ${(engine.enginePairsPerSecond / 1e6).toFixed(1)}M pairs/s, bare loop ${(engine.bareLoopPairsPerSecond / 1e6).toFixed(1)}M pairs/s, ratio ${(engine.ratio * 100).toFixed(1)} %`,
  );

  // Naive baseline: ORM entities and plain objects, at 10k residents.
  marks.naive = await settledLoad();
  const naive = await naiveBaseline(
    ds,
    cfg,
    10_000,
    sample.slice(0, 20).map((p) => p.id),
  );
  raw.naive = naive;
  const naiveRatio = engine.enginePairsPerSecond / naive.pairsPerSecond;
  log(
    `naive: ${(naive.pairsPerSecond / 1e6).toFixed(2)}M pairs/s (ORM load of ${naive.residents} residents ${naive.ormLoadMs} ms); engine is ${naiveRatio.toFixed(0)}× faster`,
  );

  // ---- the worker: full re-rank, and notifications of new postings while it runs ----------
  const worker = await startChild(
    'worker',
    { DATABASE_URL: countyUrl, REDIS_URL: redisUrl, LEYE_QUEUE_PREFIX: prefix },
    logDir,
  );
  const queues = app.get(JobQueue);
  const deploymentShort = app.get(Deployment).short;
  const postingsService = app.get(PostingsService);
  const [admin] = await query<{ id: string }>(
    countyUrl,
    `SELECT id FROM app_user WHERE role = 'admin' LIMIT 1`,
  );
  const actor: AuthUser = {
    id: admin.id,
    role: 'admin',
    name: 'bench',
    scope: { siteIds: [], regionCodes: [] },
    residentId: null,
    employerId: null,
    sessionId: null,
    ip: '127.0.0.1',
    requestId: 'bench',
  };
  // Templates: open postings whose stored list has strong matches at a site with an officer, so
  // a copy published during the re-rank must notify (the rank-posting sample above stored them).
  const templates = await query<{ id: string }>(
    countyUrl,
    `SELECT p.id FROM posting p
      WHERE p.status = 'open' AND p.title NOT LIKE $3
        AND EXISTS (SELECT 1 FROM match m JOIN site s ON s.id = m.site_id
                     WHERE m.posting_id = p.id AND m.score >= $2
                       AND EXISTS (SELECT 1 FROM app_user u WHERE u.role = 'officer' AND u.disabled_at IS NULL
                                     AND (s.id = ANY(u.scope_site_ids)
                                          OR EXISTS (SELECT 1 FROM unnest(u.scope_region_codes) c
                                                      WHERE s.region_code LIKE c || '%'))))
      ORDER BY md5(p.id::text) LIMIT $1`,
    [STRONG_PROBE_POSTINGS, cfg.thresholds.strongMatch, `${BENCH_TITLE}%`],
  );
  if (templates.length < STRONG_PROBE_POSTINGS)
    log(`warning: only ${templates.length} postings with strong matches at officers' sites to copy`);
  // Every list written, as on the first night or the night after an engine change: the stored
  // lists, their fingerprints and the notifications they sent go first. (A night on which nothing
  // changed is measured after it.)
  const cleared = Date.now();
  await query(
    countyUrl,
    `DELETE FROM notification_delivery WHERE dedup_key LIKE 'match:%' OR dedup_key LIKE 'jobalert:%'`,
  );
  await query(countyUrl, `DELETE FROM notification WHERE kind IN ('match.posting_ranked', 'job.alert')`);
  await query(countyUrl, `DELETE FROM match WHERE status = 'new'`);
  await query(countyUrl, `TRUNCATE posting_match_list`);
  await query(countyUrl, `VACUUM ANALYZE match`);
  await query(countyUrl, `VACUUM ANALYZE resident_recommendation`);
  log(`cleared the stored lists and their notifications (${Date.now() - cleared} ms)`);
  let rerankMs = 0;
  const notifyMs: number[] = [];
  const probeSplit = { relayMs: [] as number[], waitMs: [] as number[], jobMs: [] as number[] };
  let rerankFailed = 0;
  let rerankCompleted = 0;
  let rerankRate = 0;
  let rerankExtrapolatedMs = 0;
  marks.rerank = await settledLoad();
  try {
    const enqueued = Date.now();
    await queues.add(JobName.RerankAll, {}, { jobId: `bench-rerank-${prefix}` });
    // The fan-out is in place once the rerank-all job has completed; then publish while the
    // re-rank batches run.
    await waitFor(
      'the re-rank fan-out',
      async () =>
        (await queues.queue(QueueName.Matching).getJob(`bench-rerank-${prefix}`))?.finishedOn !== undefined,
      120_000,
      100,
    );
    const published = new Map<string, number>();
    const notified = new Map<string, number>();
    for (const tpl of templates) {
      const [copy] = await query<{ id: string }>(
        countyUrl,
        `INSERT INTO posting (employer_id, title, description, industry, skills, required_skill_codes, skill_codes,
                certificates, headcount, hired_count,
                wage_min, wage_max, wage_unit, schedule, region_code, address, latitude, longitude, accommodation,
                meals, shuttle, public_welfare, age_min, age_max, start_date, expires_at, status, version,
                search_tokens, title_tokens)
         SELECT employer_id, $2 || title, description, industry, skills, required_skill_codes, skill_codes,
                certificates, headcount, 0,
                wage_min, wage_max, wage_unit, schedule, region_code, address, latitude, longitude, accommodation,
                meals, shuttle, public_welfare, age_min, age_max, start_date, NULL, 'draft', 1,
                search_tokens, title_tokens
           FROM posting WHERE id = $1 RETURNING id`,
        [tpl.id, BENCH_TITLE],
      );
      await postingsService.publish(actor, copy.id);
      published.set(copy.id, Date.now());
      await sleep(250);
    }
    log(`published ${published.size} postings during the re-rank`);
    const poll = async (): Promise<boolean> => {
      const ids = [...published.keys()].filter((id) => !notified.has(id));
      if (ids.length) {
        // The time the notification was stored (the clock of this machine, as `published`), not
        // the time this poll saw it: polling starts only after all probes are published.
        const rows = await query<{ id: string; at: Date }>(
          countyUrl,
          `SELECT payload->>'postingId' AS id, min(created_at) AS at FROM notification
            WHERE kind = 'match.posting_ranked' AND payload->>'postingId' = ANY($1::text[])
            GROUP BY 1`,
          [ids],
        );
        for (const r of rows) notified.set(r.id, new Date(r.at).getTime() - published.get(r.id)!);
      }
      const b = await matchingBacklog(queues);
      rerankFailed = b.failed;
      rerankCompleted = b.completed;
      if (b.backlog === 0 && !rerankMs) rerankMs = Date.now() - enqueued;
      return rerankMs > 0 && notified.size === published.size;
    };
    // Bounded, so the whole benchmark fits in 15 minutes: a re-rank still running at the limit is
    // reported with its measured rate and the time it would take at that rate.
    await waitFor('the re-rank to drain and every probe posting to notify', poll, rerankLimitMs, 50).catch(
      (e: Error) => log(`warning: ${e.message}`),
    );
    if (!rerankMs) {
      const elapsed = Date.now() - enqueued;
      // Postings ranked so far: the sum over the completed rerank-postings batches.
      const done = await queues.queue(QueueName.MatchingBulk).getCompleted(0, 10_000);
      const rankedPostings = done
        .filter((j) => j.name === String(JobName.RerankPostings))
        .reduce((n, j) => n + Number((j.returnvalue as { ranked?: number } | null)?.ranked ?? 0), 0);
      rerankRate = rankedPostings / (elapsed / 1000);
      rerankExtrapolatedMs = Math.round((county.postings / Math.max(rerankRate, 1e-9)) * 1000);
      log(
        `re-rank not drained after ${Math.round(elapsed / 1000)} s: ${rankedPostings} postings in ${rerankCompleted} jobs (${rerankRate.toFixed(1)} postings/s)`,
      );
    }
    notifyMs.push(...notified.values());
    // Where the time went: outbox → queue (relay), waiting in the queue, and the job itself.
    for (const [id, at] of published) {
      const [row] = await query<{ version: number }>(countyUrl, 'SELECT version FROM posting WHERE id = $1', [
        id,
      ]);
      const job = await queues
        .queue(QueueName.Matching)
        .getJob(
          outboxJobId({ kind: 'posting.changed', entityId: id, version: row.version }, deploymentShort),
        );
      if (!job?.processedOn || !job.finishedOn) continue;
      probeSplit.relayMs.push(job.timestamp - at);
      probeSplit.waitMs.push(job.processedOn - job.timestamp);
      probeSplit.jobMs.push(job.finishedOn - job.processedOn);
    }
    if (notified.size < published.size)
      log(`warning: ${published.size - notified.size} probe postings never notified`);
  } finally {
    raw.workerLog = worker.logFile;
  }
  // How many lists the re-rank found unchanged (fingerprint equal: neither explained nor stored).
  const batches = (await queues.queue(QueueName.MatchingBulk).getCompleted(0, 10_000)).filter(
    (j) => j.name === String(JobName.RerankPostings),
  );
  // The next night, nothing changed: every list is ranked, found equal to the stored one, skipped.
  let quietMs = 0;
  if (rerankMs) {
    marks.quiet = await settledLoad();
    const quietStart = Date.now();
    await queues.add(JobName.RerankAll, {}, { jobId: `bench-rerank-quiet-${prefix}` });
    await waitFor(
      'the quiet-night re-rank to drain',
      async () => {
        const fanned = (await queues.queue(QueueName.Matching).getJob(`bench-rerank-quiet-${prefix}`))
          ?.finishedOn;
        return fanned !== undefined && (await matchingBacklog(queues)).backlog === 0;
      },
      rerankLimitMs,
      50,
    )
      .then(() => (quietMs = Date.now() - quietStart))
      .catch((e: Error) => log(`warning: ${e.message}`));
    log(`quiet-night re-rank: ${(quietMs / 1000).toFixed(1)} s`);
  }
  const workerRss = worker.peakRssMiB();
  const rerankLists = { ranked: 0, unchanged: 0 };
  // Job time summed over the batches (one worker, concurrency 1: it adds up to the re-rank's time).
  const rerankTime: RerankTime = { load: 0, rank: 0, explain: 0, store: 0, notify: 0, residents: 0 };
  for (const j of batches) {
    const v = (j.returnvalue ?? {}) as Partial<RerankOutcome>;
    rerankLists.ranked += v.ranked ?? 0;
    rerankLists.unchanged += v.unchanged ?? 0;
    for (const k of Object.keys(rerankTime) as (keyof RerankTime)[]) rerankTime[k] += v.time?.[k] ?? 0;
  }
  const rerankSplit = (Object.keys(rerankTime) as (keyof RerankTime)[])
    .map((k) => `${k} ${round(rerankTime[k] / 1000)} s`)
    .join(', ');
  await worker.stop();
  await query(
    countyUrl,
    `UPDATE posting SET status = 'closed', closed_at = now() WHERE title LIKE $1 AND status = 'open'`,
    [`${BENCH_TITLE}%`],
  );
  const [{ matches }] = await query<{ matches: string }>(countyUrl, 'SELECT count(*) AS matches FROM match');
  log(
    `re-rank: ${(rerankMs / 1000).toFixed(1)} s (${rerankCompleted} jobs completed, ${rerankFailed} failed, ${matches} match rows); notification p50 ${percentile(notifyMs, 50)} ms, p95 ${percentile(notifyMs, 95)} ms; worker peak RSS ${workerRss} MiB`,
  );
  // ---- real life (issue 11 item 9): the night's slices, then the fixtures loaded, ranked, checked
  const realLife = await realLifeFigures(app, countyUrl, actor);
  raw.realLife = realLife.raw;
  log(`real life: ${realLife.figures.map((f) => `${f.value}${f.pass ? '' : ' (MISS)'}`).join('; ')}`);

  for (const q of queues.allQueues()) await q.obliterate({ force: true }).catch(() => undefined);
  await app.close();

  // ---- the store's floor: PostgreSQL's COPY of the same rows into a scratch table ----------
  marks.copy = await settledLoad();
  const copy: CopyAnchor = await copyAnchor(countyUrl);
  raw.copy = copy;
  // Rows the re-rank stored per second of its store phase (job time summed over the batches).
  const storeRate = rerankTime.store > 0 ? Number(matches) / (rerankTime.store / 1000) : 0;
  log(
    `COPY of ${copy.rows} match rows (${Math.round(copy.bytes / 2 ** 20)} MiB): ${copy.rowsPerSecond} rows/s; the re-rank stored ${Math.round(storeRate)} rows/s (${round((100 * storeRate) / Math.max(copy.rowsPerSecond, 1))} %)`,
  );

  // ---- the api under load: search at 50k postings against /health/live and /health/db -----
  const api: ChildApp = await startChild(
    'api',
    {
      DATABASE_URL: searchUrl,
      REDIS_URL: redisUrl,
      LEYE_QUEUE_PREFIX: prefix,
      SEARCH_REQUESTS_PER_MINUTE: '10000000',
      AUTH_IP_REQUESTS_PER_MINUTE: '100000',
    },
    logDir,
  );
  let bare: LoadResult;
  let live: LoadResult;
  let db: LoadResult;
  let searchLoad: LoadResult;
  let searchPaths: string[];
  try {
    const sites = await query<{ id: string }>(
      searchUrl,
      'SELECT id FROM site ORDER BY md5(id::text) LIMIT 8',
    );
    const words = ['厨师', '采茶', '保洁', '普工', '司机', '服务员', '加工', '装修'];
    searchPaths = words.map(
      (w, i) =>
        `/api/v1/postings?q=${encodeURIComponent(w)}&siteId=${sites[i % sites.length].id}&maxDistanceKm=40&wageMin=${
          i % 2 ? 100 : 2000
        }&sort=nearest&pageSize=20`,
    );
    // Every search path answers 200 before the load (a 400 under load would measure nothing).
    const totals: number[] = [];
    for (const p of searchPaths) {
      const res = await fetch(api.url + p);
      if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${await res.text()}`);
      totals.push(((await res.json()) as { total: number }).total);
    }
    raw.searchTotals = totals;
    log(`search paths ok (results per query: ${totals.join(', ')})`);
    // The bare framework first, the same client settings, while the api child idles.
    const bareApp = await startChild('api', {}, logDir, join(__dirname, 'bare-nest.js'));
    try {
      await autocannonRun(bareApp.url, ['/health/live'], 2); // warm-up
      marks.bare = await settledLoad();
      bare = await autocannonRun(bareApp.url, ['/health/live'], loadSeconds);
    } finally {
      await bareApp.stop();
    }
    await autocannonRun(api.url, ['/health/live'], 2); // warm-up
    marks.live = await settledLoad();
    live = await autocannonRun(api.url, ['/health/live'], loadSeconds);
    marks.db = await settledLoad();
    db = await autocannonRun(api.url, ['/health/db'], loadSeconds);
    await autocannonRun(api.url, searchPaths, 2); // warm-up
    marks.search = await settledLoad();
    searchLoad = await autocannonRun(api.url, searchPaths, loadSeconds);
    log(
      `bare NestJS ${bare.requestsPerSecond} req/s p99 ${bare.p99Ms} ms; live ${live.requestsPerSecond} req/s p99 ${live.p99Ms} ms; db ${db.requestsPerSecond} req/s p99 ${db.p99Ms} ms; search ${searchLoad.requestsPerSecond} req/s p99 ${searchLoad.p99Ms} ms`,
    );
  } finally {
    raw.apiLog = api.logFile;
  }
  const apiRss = api.peakRssMiB();
  await api.stop();

  // ---- report ---------------------------------------------------------------------------------
  const pct = (r: LoadResult): number =>
    round((100 * r.requestsPerSecond) / Math.max(bare.requestsPerSecond, 1));
  // Issue 18 item 4: 50 ms where the bare loop runs 200M pairs/s, proportionally longer on a slower core.
  const residentTargetMs = 50 * Math.max(1, 200e6 / Math.max(engine.bareLoopPairsPerSecond, 1));
  const figures: BenchFigure[] = [
    {
      name: 'rank-posting latency (job handler, DB reads + writes)',
      value: `p50 ${round(percentile(postingMs, 50))} ms, p95 ${round(percentile(postingMs, 95))} ms`,
      detail: `${postingMs.length} postings, median ${percentile(candidates, 50)} candidates loaded; p50 load ${percentile(split.loadMs, 50)} ms, rank ${percentile(split.rankMs, 50)} ms, store + notify ${percentile(split.storeMs, 50)} ms (p95 ${percentile(split.loadMs, 95)} / ${percentile(split.rankMs, 95)} / ${percentile(split.storeMs, 95)})`,
      target: 'p95 ≤ 100 ms',
      pass: percentile(postingMs, 95) <= 100,
      mark: marks.rankPosting,
    },
    {
      name: 'rank-posting tail: p95 against p50, same run',
      value: `p95 ${round(percentile(postingMs, 95))} ms = ${round(percentile(postingMs, 95) / Math.max(percentile(postingMs, 50), 1e-9), 2)}× p50`,
      detail: `a tail over twice the median points at waits (locks, plans, GC), not at the work; the slowest: ${slowestPostings(
        postingMs,
        candidates,
        split,
      )}`,
      target: 'p95 ≤ 2× p50',
      pass: percentile(postingMs, 95) <= 2 * percentile(postingMs, 50),
      mark: marks.rankPosting,
    },
    {
      name: "rank-posting on a fresh worker's empty seeker cache (before the start-up warm-up)",
      value: `p50 ${round(percentile(coldMs, 50))} ms, p95 ${round(percentile(coldMs, 95))} ms`,
      detail: `${coldMs.length} postings after 3 of JIT warm-up, cache emptied; then CandidateLoader.warm, as startWorker runs it, held ${warmUp.seekers} seekers after ${round(warmUp.ms / 1000, 1)} s, and the latency and tail rows ran on the warm cache`,
      target: 'reference',
      pass: null,
      mark: marks.rankPosting,
    },
    {
      name: 'rank-resident latency (job handler, DB reads + writes)',
      value: `p50 ${round(percentile(residentMs, 50))} ms, p95 ${round(percentile(residentMs, 95))} ms`,
      detail: `${residentMs.length} seeking residents; the 50 ms target holds where the bare loop runs 200M pairs/s: here ${round(engine.bareLoopPairsPerSecond / 1e6)}M pairs/s, so the scaled target is ${round(residentTargetMs)} ms`,
      target: `p95 ≤ 50 ms at 200M pairs/s of bare loop (scaled: ≤ ${round(residentTargetMs)} ms)`,
      pass: percentile(residentMs, 95) <= residentTargetMs,
      mark: marks.rankResident,
    },
    {
      name: 'full county re-rank, every list written (rerank-all through 1 worker, queue drained)',
      value: rerankMs
        ? `${round(rerankMs / 1000)} s`
        : `not drained in ${rerankLimitMs / 60_000} min: ${round(rerankRate)} postings/s → ≈ ${round(rerankExtrapolatedMs / 1000, 0)} s`,
      detail: `${county.postings} open postings × reachable seekers, ${rerankCompleted} jobs completed, ${rerankFailed} failed; ${rerankLists.ranked} lists ranked, ${rerankLists.unchanged} of them unchanged (stored lists, fingerprints and their notifications were cleared first), ${matches} match rows; job time ${rerankSplit} (a chunk is stored while the next is ranked)`,
      target: quietMs ? `≤ 2× the quiet night (${round((2 * quietMs) / 1000)} s)` : '≤ 2× the quiet night',
      pass: rerankMs > 0 && quietMs > 0 && rerankMs <= 2 * quietMs && rerankFailed === 0,
      mark: marks.rerank,
    },
    {
      name: "the re-rank's store rate against PostgreSQL's COPY of the same rows",
      value: `${Math.round(storeRate)} vs ${copy.rowsPerSecond} rows/s = ${round((100 * storeRate) / Math.max(copy.rowsPerSecond, 1))} %`,
      detail: `store: ${matches} match rows over the batches' summed store time ${round(rerankTime.store / 1000)} s; COPY: ${copy.rows} rows (${Math.round(copy.bytes / 2 ** 20)} MiB of text) in ${round(copy.ms / 1000, 2)} s into a scratch table LIKE match (logged, defaults and indexes, no foreign keys)`,
      target: '≥ 30 % of the COPY',
      pass: storeRate > 0 && storeRate >= 0.3 * copy.rowsPerSecond,
      mark: marks.copy,
    },
    {
      name: 'the same re-rank the next night, nothing changed',
      value: quietMs ? `${round(quietMs / 1000)} s` : 'not measured',
      detail:
        'every list ranked, found equal to the stored one by its fingerprint, neither explained nor stored',
      target: 'reference',
      pass: null,
      mark: marks.quiet,
    },
    {
      name: 'engine throughput per core (rankPosting) vs bare loop',
      value: `${round(engine.enginePairsPerSecond / 1e6)}M vs ${round(engine.bareLoopPairsPerSecond / 1e6)}M pairs/s = ${round(engine.ratio * 100)} %`,
      detail: `${engine.residents} residents × ${engine.postings} postings, one thread`,
      target: '≥ 30 % of the bare loop',
      pass: engine.ratio >= 0.3,
      mark: marks.engine,
    },
    {
      name: 'posting published → officer notification stored, during the re-rank',
      value: notifyMs.length
        ? `p50 ${round(percentile(notifyMs, 50) / 1000, 2)} s, p95 ${round(percentile(notifyMs, 95) / 1000, 2)} s`
        : 'none notified',
      detail: `${notifyMs.length} of ${templates.length} postings published through PostingsService.publish; p50 relay ${percentile(probeSplit.relayMs, 50)} ms, queue wait ${percentile(probeSplit.waitMs, 50)} ms, rank-posting job ${percentile(probeSplit.jobMs, 50)} ms (p95 ${percentile(probeSplit.relayMs, 95)} / ${percentile(probeSplit.waitMs, 95)} / ${percentile(probeSplit.jobMs, 95)})`,
      target: 'p95 ≤ 2 s',
      pass: notifyMs.length === templates.length && notifyMs.length > 0 && percentile(notifyMs, 95) <= 2000,
      mark: marks.rerank,
    },
    {
      name: 'GET /api/v1/postings (text + site distance + filters, 50k postings)',
      value: `${searchLoad.requestsPerSecond} req/s, p99 ${searchLoad.p99Ms} ms`,
      detail: `${pct(searchLoad)} % of the bare NestJS app, ${round((100 * searchLoad.requestsPerSecond) / db.requestsPerSecond)} % of GET /health/db; ${searchLoad.non2xx} non-2xx, ${searchLoad.errors} errors; autocannon 50 connections, ${loadSeconds} s`,
      target: '≥ 25 % of the bare NestJS app, p99 ≤ 50 ms',
      mark: marks.search,
      pass:
        searchLoad.requestsPerSecond >= 0.25 * bare.requestsPerSecond &&
        searchLoad.p99Ms <= 50 &&
        searchLoad.non2xx === 0 &&
        searchLoad.errors === 0,
    },
    {
      name: 'GET /health/db (one SELECT 1), same app, same run',
      value: `${db.requestsPerSecond} req/s, p99 ${db.p99Ms} ms = ${pct(db)} % of the bare NestJS app`,
      detail: 'one database round trip through the whole pipeline',
      target: '≥ 40 % of the bare NestJS app',
      pass: db.requestsPerSecond >= 0.4 * bare.requestsPerSecond && db.non2xx === 0,
      mark: marks.db,
    },
    {
      name: 'GET /health/live, same app, same run',
      value: `${live.requestsPerSecond} req/s, p99 ${live.p99Ms} ms = ${pct(live)} % of the bare NestJS app`,
      detail: 'the pipeline alone (logging, headers, hooks), no database',
      target: '≥ 60 % of the bare NestJS app',
      pass: live.requestsPerSecond >= 0.6 * bare.requestsPerSecond && live.non2xx === 0,
      mark: marks.live,
    },
    {
      name: 'bare NestJS 11 + Fastify app, one route (test/bench/bare-nest.ts), same run',
      value: `${bare.requestsPerSecond} req/s, p99 ${bare.p99Ms} ms`,
      detail: 'the installed Nest and Fastify, no plugins, no hooks; the anchor of the HTTP rows',
      target: 'reference',
      pass: null,
      mark: marks.bare,
    },
    {
      name: 'naive baseline (ORM entities, plain-object loop)',
      value: `${round(naive.pairsPerSecond / 1e6, 2)}M pairs/s; engine ${round(naiveRatio, 0)}× faster`,
      detail: `${naive.residents} residents × ${naive.postings} postings; ORM load ${naive.ormLoadMs} ms`,
      target: 'reference',
      pass: null,
      mark: marks.naive,
    },
    {
      name: 'peak RSS (VmHWM) of the worker during the re-rank',
      value: `${workerRss ?? '?'} MiB`,
      detail: 'matching concurrency 2 (WORKER_CONCURRENCY 4)',
      target: '≤ 1024 MiB',
      pass: workerRss !== null && workerRss <= 1024,
      mark: marks.rerank,
    },
    {
      name: 'peak RSS (VmHWM) of the api under the search load',
      value: `${apiRss ?? '?'} MiB`,
      detail: '',
      target: 'reference',
      pass: null,
    },
    ...realLife.figures,
  ];
  const date = new Date().toISOString();
  const report: BenchReport = {
    date,
    machine,
    county: { ...county, seekers: Number(seekers), generatedMs: countyGeneratedMs },
    search: { ...search, generatedMs: searchGeneratedMs },
    databases: { county: `${dbPrefix}_county`, search: `${dbPrefix}_search` },
    totalSeconds: Math.round((Date.now() - t0) / 1000),
    figures,
    raw: {
      ...raw,
      rankPostingMs: postingMs.map((x) => round(x)),
      rankPostingCandidates: candidates,
      rankPostingSplitMs: split,
      rankResidentMs: residentMs.map((x) => round(x)),
      notifyMs,
      rerankMs,
      quietMs,
      rerankRate,
      rerankExtrapolatedMs,
      matchRows: Number(matches),
      bare,
      live,
      db,
      search: searchLoad,
      searchPaths,
      workerRssMiB: workerRss,
      apiRssMiB: apiRss,
      marks,
    },
  };
  mkdirSync(outDir, { recursive: true });
  const day = date.slice(0, 10);
  const md = renderMarkdown(report);
  writeFileSync(join(outDir, `${day}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(outDir, `${day}.md`), md);
  writeFileSync(join(outDir, 'latest.md'), md);
  console.log('\n' + md);
  log(`written to ${outDir}/${day}.json and .md (${report.totalSeconds} s in all)`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
