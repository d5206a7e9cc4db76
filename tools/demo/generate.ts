import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/access/passwords';
import { AppModule } from '../../src/app.module';
import { BootstrapService } from '../../src/bootstrap/bootstrap.service';
import { loadConfig } from '../../src/platform/config/app-config';
import { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { ensureDatabase } from '../../src/platform/database/create-database';
import { buildCountyPopulation } from './county';
import { DEMO_PASSWORD } from './demo-scenario';
import { writePopulation, type WriteCounts } from './population-writer';
import { isEmptyOfPopulation, loadSkills, loadTownships } from './reference';

export interface GenerateOptions {
  residents: number;
  postings: number;
  sites: number;
  seed: number;
  courses?: number;
  /**
   * Only the townships of these county codes (default: every township of the reference data, the
   * demo's county spread over the region). The province rehearsal puts each county on its own.
   */
  countyCodes?: readonly string[];
  /** Day ages are counted from (YYYY-MM-DD); default today. Same seed + same day → same data. */
  asOf?: string;
  /** Write outbox events so a worker ranks everything after start (default false). */
  outbox?: boolean;
  /** Default: a cipher from the environment's configuration (LEYE_PII_KEYS, LEYE_PII_HMAC_KEY). */
  pii?: PiiCipher;
  log?: (line: string) => void;
}

export interface GenerateResult {
  counts: WriteCounts;
  timings: { buildMs: number; writeMs: number; analyzeMs: number; totalMs: number };
}

/**
 * Fills a migrated database that has its reference data (regions, skills) and no population yet
 * with a synthetic county (tools/demo/county.ts), in one transaction. Reused by the benchmark.
 */
export async function generatePopulation(ds: DataSource, opts: GenerateOptions): Promise<GenerateResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  if (!(await isEmptyOfPopulation(ds))) {
    throw new Error('The database already holds households or postings; generate into an empty one');
  }
  const skills = await loadSkills(ds);
  const townships = (await loadTownships(ds)).filter(
    (t) => !opts.countyCodes || opts.countyCodes.includes(t.countyCode),
  );
  if (!townships.length) throw new Error(`No townships for the county codes ${opts.countyCodes?.join(', ')}`);
  const now = new Date();
  const population = buildCountyPopulation({
    seed: opts.seed,
    residents: opts.residents,
    postings: opts.postings,
    sites: opts.sites,
    courses: opts.courses,
    skills,
    townships,
    asOf: opts.asOf ?? now.toISOString().slice(0, 10),
    now,
  });
  const buildMs = Date.now() - started;
  log(
    `built ${population.residents.length} residents in ${population.households.length} households in ${buildMs} ms`,
  );

  const pii = opts.pii ?? new PiiCipher(loadConfig());
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  const writeStarted = Date.now();
  const counts = await ds.transaction((m) =>
    writePopulation(m, population, skills, {
      pii,
      demoPasswordHash,
      outbox: opts.outbox ?? false,
      auditAction: 'population.generate',
      progress: (table, rows) => {
        if (table !== 'resident' || rows === population.residents.length || rows % 20000 === 0)
          log(`  ${table}: ${rows} rows (${Date.now() - writeStarted} ms)`);
      },
    }),
  );
  const writeMs = Date.now() - writeStarted;
  const analyzeStarted = Date.now();
  await ds.query(
    'ANALYZE site, household, resident, resident_skill, resident_certificate, employer, posting, course',
  );
  const analyzeMs = Date.now() - analyzeStarted;
  return { counts, timings: { buildMs, writeMs, analyzeMs, totalMs: Date.now() - started } };
}

/**
 * `npm run generate`: creates the database when missing, migrates it, loads the reference data
 * (the bootstrap steps of the app, through a Nest application context) and generates.
 */
export async function generateDatabase(
  databaseUrl: string,
  opts: GenerateOptions,
): Promise<GenerateResult & { migrateMs: number }> {
  const log = opts.log ?? (() => undefined);
  const t0 = Date.now();
  if (await ensureDatabase(databaseUrl)) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    LEYE_ROLE: 'api',
    // Bootstrap: the app migrates while it is built (the deployment id needs its table).
    LEYE_BOOTSTRAP: 'true',
    LEYE_DEMO: 'false',
    LEYE_SCHEDULER: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.forConfig({ role: 'api', demo: false }),
      { logger: ['error', 'warn'] },
    );
    try {
      const boot = app.get(BootstrapService);
      await boot.migrate();
      await boot.runSteps(); // reference data and the admin; demo data is onlyOnBootstrap
      const migrateMs = Date.now() - t0;
      log(`migrations and reference data ready (${migrateMs} ms)`);
      const ds = app.get<DataSource>(getDataSourceToken());
      const result = await generatePopulation(ds, { ...opts, pii: opts.pii ?? app.get(PiiCipher) });
      return { ...result, migrateMs };
    } finally {
      await app.close();
    }
  } finally {
    process.env = saved;
  }
}
