import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config/app-config';
import { generateDatabase } from '../../tools/demo/generate';

const USAGE = `Usage: npm run generate -- --residents 100000 --postings 10000 --sites 200 --seed 1
          [--courses N] [--as-of YYYY-MM-DD] [--outbox] [--database-url postgres://…]

Fills an empty database (created and migrated when missing) with a synthetic county: sites on
real townships of 恩施州 and its neighbours, households, residents (national IDs and phones
encrypted), employers, open postings and courses. Same --seed and --as-of → same data.
Every generated account (officers 19901xxxxxx, employers 19902xxxxxx, providers 19903xxxxxx)
signs in with the demo password.`;

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name} must be a positive integer, got "${v}"`);
  return Number(v);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      residents: { type: 'string' },
      postings: { type: 'string' },
      sites: { type: 'string' },
      seed: { type: 'string' },
      courses: { type: 'string' },
      'as-of': { type: 'string' },
      outbox: { type: 'boolean' },
      'database-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be YYYY-MM-DD');
  const databaseUrl = values['database-url'] ?? loadConfig().databaseUrl;
  const opts = {
    residents: positive('residents', values.residents, 100_000),
    postings: positive('postings', values.postings, 10_000),
    sites: positive('sites', values.sites, 200),
    seed: positive('seed', values.seed, 1),
    courses: values.courses === undefined ? undefined : positive('courses', values.courses, 1),
    asOf,
    outbox: values.outbox ?? false,
    log: (line: string) => console.log(line),
  };
  const db = new URL(databaseUrl).pathname.slice(1);
  console.log(
    `Generating ${opts.residents} residents, ${opts.postings} postings, ${opts.sites} sites (seed ${opts.seed}) into ${db}`,
  );
  const r = await generateDatabase(databaseUrl, opts);
  const c = r.counts;
  console.log(
    `Done: ${c.sites} sites, ${c.households} households, ${c.residents} residents, ${c.residentSkills} resident skills, ` +
      `${c.residentCertificates} certificates, ${c.employers} employers, ${c.postings} postings, ${c.courses} courses, ${c.users} accounts`,
  );
  console.log(
    `Timings: migrate+reference ${r.migrateMs} ms, build ${r.timings.buildMs} ms, write ${r.timings.writeMs} ms, ` +
      `analyze ${r.timings.analyzeMs} ms, generate total ${r.timings.totalMs} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
