/**
 * `npm run bench:province` (issue 18 item 5): a province rehearsal, not part of `npm test`.
 *
 *   npm run bench:province [-- --counties 10 --scale full|small --db-prefix leye_province --load-seconds 10]
 *
 * Generates --counties synthetic counties (src/demo: seed i for county i, each on the townships of
 * its own real county code, fresh ids, account phones and national IDs kept unique across
 * counties) into one database, and county 1 alone into another. Measures county 1's full re-rank
 * (every list written) inside the province against the standalone county, the search at the
 * province's postings, a posting published in county 1 notifying its officers while county 2
 * re-ranks in the worker, and the worker's peak RSS. Writes test/bench/results/province-<date>.md
 * and .json. Full size (10 × 100k residents, 10k postings): see README "Benchmark".
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../src/access/auth-user';
import { hashPassword } from '../../src/access/passwords';
import { AppModule } from '../../src/app.module';
import { projectRoot } from '../../src/platform/config/project-root';
import { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { buildCountyPopulation } from '../../tools/demo/county';
import { DEMO_PASSWORD } from '../../tools/demo/demo-scenario';
import { withFreshIds } from '../../tools/demo/fresh-ids';
import { generateDatabase } from '../../tools/demo/generate';
import { enshiTownships, type Township } from '../../tools/demo/geography';
import { addDays, type Population } from '../../tools/demo/population';
import { writePopulation } from '../../tools/demo/population-writer';
import { loadSkills, loadTownships } from '../../tools/demo/reference';
import { MatchingSettings } from '../../src/matching/matching-settings';
import { RankingService } from '../../src/matching/ranking.service';
import { RERANK_BATCH } from '../../src/matching/jobs/rerank-all.job';
import { PostingsService } from '../../src/postings/postings.service';
import { JobName } from '../../src/platform/queue/job-name';
import { JobQueue } from '../../src/platform/queue/job-queue.service';
import { buildNationalId } from '../../src/residents/national-id';
import { autocannonRun } from './autocannon-run';
import {
  databaseUrlFor,
  describeMachine,
  dropDatabase,
  query,
  round,
  sleep,
  startChild,
  waitFor,
} from './bench-support';
import { settledLoad, statusOf, type LoadMark } from './load-gate';

const SCALES = {
  full: { residents: 100_000, postings: 10_000, sites: 200 },
  small: { residents: 2_000, postings: 200, sites: 20 },
};
const TITLE = '[province] ';

function log(line: string): void {
  console.log(`[province ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** The townships of the i-th real county code (each county of the province on its own ground). */
function countyTownships(all: Township[], i: number): Township[] {
  const codes = [...new Set(all.map((t) => t.countyCode))].sort();
  return all.filter((t) => t.countyCode === codes[i % codes.length]);
}

/**
 * County i's population made to fit next to the others: fresh ids; account phones 19<k><i>…
 * instead of 1990…; a national ID already given in another county moved to the next free
 * synthetic sequence number (then the day before), as the generator itself does within one.
 */
function fitIn(pop: Population, i: number, usedIds: Set<string>): Population {
  const p = withFreshIds(pop);
  for (const u of p.users) u.phone = `19${String(9 - Math.floor(i / 10))}${i % 10}${u.phone.slice(4)}`;
  for (const r of p.residents) {
    if (!usedIds.has(r.nationalId)) {
      usedIds.add(r.nationalId);
      continue;
    }
    const region = r.nationalId.slice(0, 6);
    const parity = Number(r.nationalId[16]) % 2;
    search: for (let day = 0; ; day++) {
      for (let seq = 900 + parity; seq < 1000; seq += 2) {
        const id = buildNationalId(region, addDays(r.birthDate, -day), seq);
        if (!usedIds.has(id)) {
          usedIds.add(id);
          r.nationalId = id;
          break search;
        }
      }
    }
  }
  return p;
}

async function withApp<T>(
  url: string,
  prefix: string,
  f: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
): Promise<T> {
  Object.assign(process.env, {
    DATABASE_URL: url,
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
  try {
    return await f(app);
  } finally {
    await app.close();
  }
}

/** County i (i ≥ 1) into the province database that already holds county 0. */
async function addCounty(
  ds: DataSource,
  pii: PiiCipher,
  i: number,
  size: typeof SCALES.full,
  usedIds: Set<string>,
) {
  const skills = await loadSkills(ds);
  const townships = countyTownships(await loadTownships(ds), i);
  const now = new Date();
  const pop = buildCountyPopulation({
    seed: i + 1,
    ...size,
    skills,
    townships,
    asOf: now.toISOString().slice(0, 10),
    now,
  });
  const fitted = fitIn(pop, i, usedIds);
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction((m) =>
    writePopulation(m, fitted, skills, {
      pii,
      demoPasswordHash,
      outbox: false,
      auditAction: 'population.generate',
    }),
  );
}

/** Open postings of the sites on county i's townships. */
async function countyPostings(ds: DataSource, all: Township[], i: number): Promise<string[]> {
  const codes = countyTownships(all, i).map((t) => t.code);
  const rows: { id: string }[] = await ds.query(
    `SELECT p.id FROM posting p WHERE p.status = 'open' AND p.title NOT LIKE $2
        AND EXISTS (SELECT 1 FROM site s WHERE s.region_code = ANY($1::text[]) AND p.region_code LIKE s.region_code || '%')`,
    [codes, `${TITLE}%`],
  );
  return rows.map((r) => r.id);
}

/** County i's full re-rank in process, every list written (its stored lists cleared first). */
async function countyRerank(ds: DataSource, ranking: RankingService, postingIds: string[]): Promise<number> {
  await ds.query(`DELETE FROM match WHERE status = 'new' AND posting_id = ANY($1::uuid[])`, [postingIds]);
  await ds.query(`DELETE FROM posting_match_list WHERE posting_id = ANY($1::uuid[])`, [postingIds]);
  const t = Date.now();
  for (let k = 0; k < postingIds.length; k += RERANK_BATCH)
    await ranking.rerankPostings(postingIds.slice(k, k + RERANK_BATCH));
  return Date.now() - t;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      counties: { type: 'string' },
      scale: { type: 'string' },
      'db-prefix': { type: 'string' },
      'load-seconds': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(
      'npm run bench:province [-- --counties 10 --scale full|small --db-prefix leye_province --load-seconds 10 --out DIR]',
    );
    return;
  }
  const counties = Number(values.counties ?? 10);
  const scaleName = (values.scale ?? 'full') as keyof typeof SCALES;
  const size = SCALES[scaleName];
  if (!size || !(counties >= 1)) throw new Error('--scale full|small, --counties ≥ 1');
  const loadSeconds = Number(values['load-seconds'] ?? 10);
  const t0 = Date.now();
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const dbPrefix = values['db-prefix'] ?? 'leye_province';
  const provinceUrl = databaseUrlFor(base, `${dbPrefix}_all`);
  const standaloneUrl = databaseUrlFor(base, `${dbPrefix}_county1`);
  const prefix = `province_${Date.now().toString(36)}`;
  const root = projectRoot();
  const logDir = join(root, 'test-output', 'bench-logs');
  const machine = await describeMachine(databaseUrlFor(base, 'postgres'), redisUrl);
  const marks: Record<string, LoadMark> = {};

  // ---- generation ---------------------------------------------------------------------------
  const genStart = Date.now();
  for (const url of [standaloneUrl, provinceUrl]) await dropDatabase(url);
  // County 1 (seed 1) on its own county's townships, once alone and once as the province's first.
  // Every county stands on its own ground: a county spread over the whole region (the demo's and
  // the county bench's) would reach every other county's seekers, which no real county does.
  const ownCounty = countyTownships(enshiTownships(), 0);
  for (const url of [standaloneUrl, provinceUrl])
    await generateDatabase(url, {
      ...size,
      seed: 1,
      countyCodes: [ownCounty[0].countyCode],
      log: (l) => log(`  ${l}`),
    });
  const usedIds = new Set<string>();
  await withApp(provinceUrl, prefix, async (app) => {
    const ds = app.get<DataSource>(getDataSourceToken());
    const pii = app.get(PiiCipher);
    // County 1's national IDs, as the generator made them (same seed, same day: rebuilt, not decrypted).
    const skills = await loadSkills(ds);
    const now = new Date();
    if (countyTownships(await loadTownships(ds), 0)[0]?.countyCode !== ownCounty[0].countyCode)
      throw new Error('the region table does not hold the townships the counties are placed on');
    const first = buildCountyPopulation({
      seed: 1,
      ...size,
      skills,
      townships: countyTownships(await loadTownships(ds), 0),
      asOf: now.toISOString().slice(0, 10),
      now,
    });
    for (const r of first.residents) usedIds.add(r.nationalId);
    for (let i = 1; i < counties; i++) {
      await addCounty(ds, pii, i, size, usedIds);
      log(`county ${i + 1} of ${counties} written`);
    }
    await ds.query('ANALYZE');
  });
  const generatedMs = Date.now() - genStart;
  const [counts] = await query<{ residents: string; postings: string; bytes: string }>(
    provinceUrl,
    `SELECT (SELECT count(*) FROM resident) AS residents, (SELECT count(*) FROM posting WHERE status = 'open') AS postings,
            pg_database_size(current_database()) AS bytes`,
  );
  log(
    `province: ${counts.residents} residents, ${counts.postings} open postings, ${Math.round(Number(counts.bytes) / 2 ** 20)} MiB (${Math.round(generatedMs / 1000)} s)`,
  );

  // ---- county 1's re-rank, standalone and inside the province ----------------------------------
  // County 1 is the same population (seed 1, on its own county's townships) in both databases;
  // inside the province its postings also reach the seekers of the counties next to it.
  marks.rerank = await settledLoad();
  const standaloneMs = await withApp(standaloneUrl, prefix, async (app) => {
    const ds = app.get<DataSource>(getDataSourceToken());
    const ids: { id: string }[] = await ds.query(`SELECT id FROM posting WHERE status = 'open'`);
    return countyRerank(
      ds,
      app.get(RankingService),
      ids.map((r) => r.id),
    );
  });
  const insideMs = await withApp(provinceUrl, prefix, async (app) => {
    const ds = app.get<DataSource>(getDataSourceToken());
    const ids = await countyPostings(ds, await loadTownships(ds), 0);
    log(`county 1 inside the province: ${ids.length} open postings`);
    return countyRerank(ds, app.get(RankingService), ids);
  });
  log(
    `county re-rank: standalone ${round(standaloneMs / 1000)} s, inside the province ${round(insideMs / 1000)} s`,
  );

  // ---- a posting published in county 1 while county 2 re-ranks in the worker ---------------
  const worker = await startChild(
    'worker',
    { DATABASE_URL: provinceUrl, REDIS_URL: redisUrl, LEYE_QUEUE_PREFIX: prefix },
    logDir,
  );
  let notifyMs: number | null = null;
  try {
    notifyMs = await withApp(provinceUrl, prefix, async (app) => {
      const ds = app.get<DataSource>(getDataSourceToken());
      const queues = app.get(JobQueue);
      const cfg = app.get(MatchingSettings).config;
      const other = await countyPostings(ds, await loadTownships(ds), 1);
      // The load is read before county 2's re-rank starts: that re-rank is what the row runs beside.
      marks.notify = await settledLoad();
      for (let k = 0; k < other.length; k += RERANK_BATCH)
        await queues.add(
          JobName.RerankPostings,
          { postingIds: other.slice(k, k + RERANK_BATCH) },
          { jobId: `${prefix}-county2-${k}` },
        );
      const [tpl] = await query<{ id: string }>(
        provinceUrl,
        `SELECT m.posting_id AS id FROM match m WHERE m.score >= $1 ORDER BY m.score DESC LIMIT 1`,
        [cfg.thresholds.strongMatch],
      );
      if (!tpl) return null;
      const [copy] = await query<{ id: string }>(
        provinceUrl,
        `INSERT INTO posting (employer_id, title, description, industry, skills, required_skill_codes, skill_codes,
                certificates, headcount, hired_count, wage_min, wage_max, wage_unit, schedule, region_code, address,
                latitude, longitude, accommodation, meals, shuttle, public_welfare, age_min, age_max, start_date,
                expires_at, status, version, search_tokens, title_tokens)
         SELECT employer_id, $2 || title, description, industry, skills, required_skill_codes, skill_codes,
                certificates, headcount, 0, wage_min, wage_max, wage_unit, schedule, region_code, address,
                latitude, longitude, accommodation, meals, shuttle, public_welfare, age_min, age_max, start_date,
                NULL, 'draft', 1, search_tokens, title_tokens
           FROM posting WHERE id = $1 RETURNING id`,
        [tpl.id, TITLE],
      );
      const [admin] = await query<{ id: string }>(
        provinceUrl,
        `SELECT id FROM app_user WHERE role = 'admin' LIMIT 1`,
      );
      const actor: AuthUser = {
        id: admin.id,
        role: 'admin',
        name: 'province bench',
        scope: { siteIds: [], regionCodes: [] },
        residentId: null,
        employerId: null,
        sessionId: null,
        ip: '127.0.0.1',
        requestId: 'province-bench',
      };
      await app.get(PostingsService).publish(actor, copy.id);
      const published = Date.now();
      let at: number | null = null;
      await waitFor(
        'the officers of the published posting to be notified',
        async () => {
          const [n] = await query<{ at: Date }>(
            provinceUrl,
            `SELECT min(created_at) AS at FROM notification WHERE kind = 'match.posting_ranked' AND payload->>'postingId' = $1`,
            [copy.id],
          );
          if (n?.at) at = new Date(n.at).getTime();
          return at !== null;
        },
        60_000,
        50,
      ).catch((e: Error) => log(`warning: ${e.message}`));
      return at === null ? null : at - published;
    });
    await sleep(500);
  } finally {
    marks.worker = await settledLoad();
  }
  const workerRss = worker.peakRssMiB();
  await worker.stop();

  // ---- the search at the province's postings ------------------------------------------------
  const api = await startChild(
    'api',
    {
      DATABASE_URL: provinceUrl,
      REDIS_URL: redisUrl,
      LEYE_QUEUE_PREFIX: prefix,
      SEARCH_REQUESTS_PER_MINUTE: '10000000',
    },
    logDir,
  );
  let search;
  try {
    const sites = await query<{ id: string }>(
      provinceUrl,
      'SELECT id FROM site ORDER BY md5(id::text) LIMIT 8',
    );
    const words = ['厨师', '采茶', '保洁', '普工', '司机', '服务员', '加工', '装修'];
    const paths = words.map(
      (w, i) =>
        `/api/v1/postings?q=${encodeURIComponent(w)}&siteId=${sites[i % sites.length].id}&maxDistanceKm=40&sort=nearest&pageSize=20`,
    );
    await autocannonRun(api.url, paths, 2);
    marks.search = await settledLoad();
    search = await autocannonRun(api.url, paths, loadSeconds);
  } finally {
    await api.stop();
  }

  // ---- report ---------------------------------------------------------------------------------
  const ratio = insideMs / Math.max(standaloneMs, 1);
  const rows = [
    {
      name: "county 1's full re-rank inside the province vs standalone",
      value: `${round(insideMs / 1000)} s vs ${round(standaloneMs / 1000)} s (${round(ratio * 100)} %)`,
      target: '≤ 125 %',
      pass: ratio <= 1.25,
      mark: marks.rerank,
    },
    {
      name: `search at ${counts.postings} open postings (50 connections, ${loadSeconds} s)`,
      value: `${search.requestsPerSecond} req/s, p99 ${search.p99Ms} ms, ${search.non2xx} non-2xx, ${search.errors} errors`,
      target: 'p99 ≤ 50 ms',
      pass: search.requests > 0 && search.p99Ms <= 50 && search.non2xx === 0 && search.errors === 0,
      mark: marks.search,
    },
    {
      name: 'posting published in county 1 → officers notified, while county 2 re-ranks',
      value: notifyMs === null ? 'not notified' : `${round(notifyMs / 1000, 2)} s`,
      target: '≤ 2 s',
      pass: notifyMs !== null && notifyMs <= 2000,
      mark: marks.notify,
    },
    {
      name: 'worker peak RSS (VmHWM)',
      value: `${workerRss ?? '?'} MiB`,
      target: '≤ 1024 MiB',
      pass: workerRss !== null && workerRss <= 1024,
      mark: marks.worker,
    },
  ];
  const date = new Date().toISOString();
  const md = [
    `# Province rehearsal — ${date.slice(0, 10)}`,
    '',
    `\`npm run bench:province -- --counties ${counties} --scale ${scaleName}\` in ${Math.round((Date.now() - t0) / 1000)} s (generation ${Math.round(generatedMs / 1000)} s). Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; Node ${machine.node}, PostgreSQL ${machine.postgres}.`,
    '',
    `Province database: ${counts.residents} residents, ${counts.postings} open postings, ${Math.round(Number(counts.bytes) / 2 ** 20)} MiB on disk.`,
    '',
    '| figure | result | target | status | load at start |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.value} | ${r.target} | ${statusOf(r.pass, r.mark)} | ${r.mark?.load1 ?? '?'} |`,
    ),
    '',
  ].join('\n');
  const outDir = values.out ?? join(root, 'test', 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const day = date.slice(0, 10);
  writeFileSync(join(outDir, `province-${day}.md`), md);
  writeFileSync(
    join(outDir, `province-${day}.json`),
    JSON.stringify(
      {
        date,
        machine,
        counties,
        scale: scaleName,
        size,
        counts,
        generatedMs,
        standaloneMs,
        insideMs,
        notifyMs,
        workerRss,
        search,
        marks,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
  console.log('\n' + md);
  log(`written to ${outDir}/province-${day}.md and .json`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
