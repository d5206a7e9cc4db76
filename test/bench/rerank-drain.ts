/**
 * The full re-rank alone, in process (issue 18 item 3, issue 11 item 3): a generated county's
 * open postings ranked again in the RerankAllJob's batches (one county, RERANK_BATCH postings,
 * id order) through RankingService.rerankPostings, one after the other, with the time split the
 * batches report. Small enough to run twice in a session, so two checkouts can be compared on the
 * same database and the same machine (interleaved: load on a shared machine comes and goes).
 *
 *   npm run build && node dist/test/bench/rerank-drain.js --residents 30000 --postings 3000 --sites 60
 *     --nights first,quiet,engine   first: stored match lists, fingerprints AND residents'
 *                                   recommendation lists cleared (a new install's first night);
 *                                   quiet: nothing cleared (the next night);
 *                                   engine: match lists and fingerprints cleared, residents'
 *                                   lists kept with every stored score nudged up or down (the
 *                                   night after an engine change: every row on both sides differs)
 *     --db NAME (leye_rr_county)  --json FILE (appends one line per night)
 *     --anchor   after each night that wrote lists, the bare COPY of its match rows into a scratch
 *                table (copy-anchor.ts), so the night's store rate can be read against it
 */
import 'reflect-metadata';
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { AppModule } from '../../src/app.module';
import { generateDatabase } from '../../tools/demo/generate';
import { RERANK_BATCH } from '../../src/matching/jobs/rerank-all.job';
import { MatchingSettings } from '../../src/matching/matching-settings';
import { RankingService, type RerankTime } from '../../src/matching/ranking.service';
import { databaseExists, databaseUrlFor, query, round } from './bench-support';
import { copyAnchor } from './copy-anchor';
import { markLoad } from './load-gate';

type Night = 'first' | 'quiet' | 'engine';

async function prepare(url: string, night: Night): Promise<void> {
  if (night === 'quiet') return;
  await query(
    url,
    `DELETE FROM notification_delivery WHERE dedup_key LIKE 'match:%' OR dedup_key LIKE 'jobalert:%'`,
  );
  await query(url, `DELETE FROM notification WHERE kind IN ('match.posting_ranked', 'job.alert')`);
  await query(url, `DELETE FROM match WHERE status = 'new'`);
  await query(url, `TRUNCATE posting_match_list`);
  if (night === 'first') await query(url, `TRUNCATE resident_recommendation`);
  // Every stored score differs from what the engine computes now (an engine change), half of
  // them up, half down: lists lose ground and gain it.
  else
    await query(
      url,
      `UPDATE resident_recommendation
          SET score = greatest(score + CASE WHEN get_byte(decode(md5(posting_id::text), 'hex'), 0) % 2 = 0
                                            THEN 0.1 ELSE -0.1 END, 0)`,
    );
  await query(url, `VACUUM ANALYZE match`);
  await query(url, `VACUUM ANALYZE resident_recommendation`);
}

/**
 * Issue 11 item 9: the generator's real-life-shaped inputs reported on their own: seekers with a
 * bare roster profile (no skill, no stated wish) against the others, postings that ask no skill
 * (普工) against the others — how many reach a strong match after the night.
 */
async function realLifeSlices(url: string, strong: number): Promise<Record<string, unknown>> {
  const residents = await query<{ bare: boolean; n: string; listed: string; strong: string }>(
    url,
    `SELECT (NOT EXISTS (SELECT 1 FROM resident_skill s WHERE s.resident_id = r.id)
             AND r.pref_wage_min IS NULL AND cardinality(r.pref_industries) = 0
             AND cardinality(r.pref_schedules) = 0) AS bare,
            count(*) AS n,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM resident_recommendation rr WHERE rr.resident_id = r.id)) AS listed,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM resident_recommendation rr
                                            WHERE rr.resident_id = r.id AND rr.score >= $1)) AS strong
       FROM resident r
      WHERE r.status = 'active' AND r.erased_at IS NULL AND r.employment_status = 'unemployed'
        AND r.labor_capacity <> 'none'
      GROUP BY 1`,
    [strong],
  );
  const postings = await query<{ noskill: boolean; n: string; strong: string }>(
    url,
    `SELECT cardinality(p.required_skill_codes) = 0 AS noskill, count(*) AS n,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match m WHERE m.posting_id = p.id AND m.score >= $1)) AS strong
       FROM posting p WHERE p.status = 'open' GROUP BY 1`,
    [strong],
  );
  const pct = (a: string, b: string): number => round((100 * Number(a)) / Math.max(Number(b), 1));
  return {
    seekers: Object.fromEntries(
      residents.map((r) => [
        r.bare ? 'bareProfile' : 'statedProfile',
        { n: Number(r.n), withList: pct(r.listed, r.n), withStrong: pct(r.strong, r.n) },
      ]),
    ),
    postings: Object.fromEntries(
      postings.map((p) => [
        p.noskill ? 'noSkill' : 'asksSkills',
        { n: Number(p.n), withStrong: pct(p.strong, p.n) },
      ]),
    ),
  };
}

/** The bare COPY of the night's match rows, and beside it those rows over the time both sides' stores took. */
async function anchorOf(url: string, matches: number, time: RerankTime): Promise<Record<string, unknown>> {
  const copy = await copyAnchor(url);
  const storeS = (time.store + time.residents) / 1000;
  return {
    copy: { rows: copy.rows, ms: copy.ms, rowsPerSecond: copy.rowsPerSecond },
    storeRowsPerSecond: Math.round(matches / Math.max(storeS, 0.001)),
    storeVsCopy: round((100 * matches) / Math.max(storeS, 0.001) / copy.rowsPerSecond),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      residents: { type: 'string' },
      postings: { type: 'string' },
      sites: { type: 'string' },
      seed: { type: 'string' },
      db: { type: 'string' },
      nights: { type: 'string' },
      json: { type: 'string' },
      label: { type: 'string' },
      anchor: { type: 'boolean' },
    },
  });
  const sizes = {
    residents: Number(values.residents ?? 30_000),
    postings: Number(values.postings ?? 3_000),
    sites: Number(values.sites ?? 60),
    seed: Number(values.seed ?? 1),
  };
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye';
  const url = databaseUrlFor(baseUrl, values.db ?? 'leye_rr_county');
  if (!(await databaseExists(url))) {
    const t = Date.now();
    await generateDatabase(url, { ...sizes, log: (l) => console.log(`  ${l}`) });
    console.log(`generated in ${Math.round((Date.now() - t) / 1000)} s`);
  }
  // A database generated by an older checkout gets the migrations added since.
  const migrator = new DataSource(dataSourceOptions(url));
  await migrator.initialize();
  try {
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
  Object.assign(process.env, {
    DATABASE_URL: url,
    LEYE_ROLE: 'api',
    LEYE_BOOTSTRAP: 'false',
    LEYE_DEMO: 'false',
    LEYE_SCHEDULER: 'false',
    LEYE_QUEUE_PREFIX: `rrdrain_${Date.now().toString(36)}`,
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forConfig({ role: 'api', demo: false }), {
    logger: ['error', 'warn'],
  });
  const ds = app.get<DataSource>(getDataSourceToken());
  const ranking = app.get(RankingService);
  const strong = app.get(MatchingSettings).config.thresholds.strongMatch;
  try {
    for (const night of (values.nights ?? 'first,quiet').split(',') as Night[]) {
      await prepare(url, night);
      const counties: { county: string }[] = await ds.query(
        `SELECT DISTINCT left(region_code, 6) AS county FROM posting WHERE status = 'open' ORDER BY 1`,
      );
      const batches: string[][] = [];
      for (const { county } of counties) {
        const ids: { id: string }[] = await ds.query(
          `SELECT id FROM posting WHERE status = 'open' AND left(region_code, 6) = $1 ORDER BY id`,
          [county],
        );
        for (let i = 0; i < ids.length; i += RERANK_BATCH)
          batches.push(ids.slice(i, i + RERANK_BATCH).map((r) => r.id));
      }
      const mark = markLoad();
      // The process's peak RSS during the night, sampled (VmHWM cannot be reset between nights).
      let peakRss = process.memoryUsage.rss();
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
      const started = Date.now();
      const time: RerankTime = { load: 0, rank: 0, explain: 0, store: 0, notify: 0, residents: 0 };
      let ranked = 0;
      let unchanged = 0;
      for (const b of batches) {
        const out = await ranking.rerankPostings(b);
        ranked += out.ranked;
        unchanged += out.unchanged;
        for (const k of Object.keys(time) as (keyof RerankTime)[]) time[k] += out.time[k];
      }
      const ms = Date.now() - started;
      clearInterval(sampler);
      const [{ matches, recs }] = await query<{ matches: string; recs: string }>(
        url,
        `SELECT (SELECT count(*) FROM match) AS matches, (SELECT count(*) FROM resident_recommendation) AS recs`,
      );
      const row = {
        realLife: await realLifeSlices(url, strong),
        label: values.label ?? '',
        night,
        ms,
        batches: batches.length,
        batchSize: RERANK_BATCH,
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        ranked,
        unchanged,
        matches: Number(matches),
        recommendations: Number(recs),
        time: Object.fromEntries(Object.entries(time).map(([k, v]) => [k, round(v / 1000)])),
        load1: mark.load1,
        endLoad1: markLoad().load1,
        // Issue 18 item 3: the store's rate against PostgreSQL's bare COPY of the same rows, same run.
        ...(values.anchor && night !== 'quiet' ? await anchorOf(url, Number(matches), time) : {}),
      };
      console.log(JSON.stringify(row));
      if (values.json) appendFileSync(values.json, JSON.stringify(row) + '\n');
    }
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
