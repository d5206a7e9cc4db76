/**
 * The HTTP rows of `npm run bench` alone, for working on the request pipeline (issue 18 item 2):
 * the bare NestJS app, `/health/live`, `/health/db` and the job search, in interleaved rounds so
 * a change of the machine's load hits every row alike, with the server's CPU time per request
 * (from /proc) beside each throughput. `--main` adds a second build of the app (another
 * checkout's dist/src/main.js) to every round: an A/B in one run, on one machine.
 *
 *   npm run build && node dist/test/bench/http-rows.js [--db leye_bench_search] [--seconds 8]
 *     [--rounds 3] [--main /other/checkout/dist/src/main.js] [--rows bare,live,db,search]
 *
 * The database is the bench's search database (`npm run bench` creates it: 50k open postings).
 * Not a target check: `npm run bench` is; this prints medians of the rounds and the load.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/platform/config/project-root';
import { autocannonRun, type LoadResult } from './autocannon-run';
import { databaseExists, databaseUrlFor, query, round, startChild, type ChildApp } from './bench-support';

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Measured extends LoadResult {
  cpuUsPerRequest: number;
}

async function measure(app: ChildApp, paths: string[], seconds: number): Promise<Measured> {
  await autocannonRun(app.url, paths, 1); // warm-up
  const before = cpuSeconds(app.proc.pid);
  const r = await autocannonRun(app.url, paths, seconds);
  const cpu = cpuSeconds(app.proc.pid) - before;
  return { ...r, cpuUsPerRequest: r.requests ? Math.round((cpu * 1e6) / r.requests) : 0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'leye_bench_search' },
      seconds: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
      main: { type: 'string' },
      rows: { type: 'string', default: 'bare,live,db,search' },
    },
  });
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const dbUrl = databaseUrlFor(baseUrl, values.db);
  if (!(await databaseExists(dbUrl))) throw new Error(`${values.db} does not exist: run npm run bench once`);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const rows = new Set(values.rows.split(','));
  const logDir = join(projectRoot(), 'test-output', 'bench-logs');
  const prefix = `benchhttp_${Date.now().toString(36)}`;
  const env = {
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    LEYE_QUEUE_PREFIX: prefix,
    SEARCH_REQUESTS_PER_MINUTE: '10000000',
    AUTH_IP_REQUESTS_PER_MINUTE: '100000',
  };
  console.log(
    `load at start ${round(loadavg()[0])} on ${cpus().length} cores; ${rounds} rounds of ${seconds} s`,
  );

  const sites = await query<{ id: string }>(dbUrl, 'SELECT id FROM site ORDER BY md5(id::text) LIMIT 8');
  const words = ['厨师', '采茶', '保洁', '普工', '司机', '服务员', '加工', '装修'];
  // The same paths as npm run bench's search row.
  const searchPaths = words.map(
    (w, i) =>
      `/api/v1/postings?q=${encodeURIComponent(w)}&siteId=${sites[i % sites.length].id}&maxDistanceKm=40&wageMin=${
        i % 2 ? 100 : 2000
      }&sort=nearest&pageSize=20`,
  );

  const apps: { name: string; app: ChildApp }[] = [];
  try {
    if (rows.has('bare'))
      apps.push({ name: 'bare', app: await startChild('api', {}, logDir, join(__dirname, 'bare-nest.js')) });
    apps.push({ name: 'this', app: await startChild('api', env, logDir) });
    if (values.main)
      apps.push({
        name: 'other',
        app: await startChild('api', { ...env, LEYE_QUEUE_PREFIX: `${prefix}o` }, logDir, values.main),
      });
    for (const { name, app } of apps.filter((a) => a.name !== 'bare'))
      for (const p of searchPaths) {
        const res = await fetch(app.url + p);
        if (res.status !== 200) throw new Error(`${name}: GET ${p} answered ${res.status}`);
      }

    const results = new Map<string, Measured[]>();
    const add = (key: string, m: Measured) => results.set(key, [...(results.get(key) ?? []), m]);
    for (let r = 0; r < rounds; r++) {
      for (const { name, app } of apps) {
        if (name === 'bare') {
          add('bare /health/live', await measure(app, ['/health/live'], seconds));
          continue;
        }
        if (rows.has('live')) add(`${name} /health/live`, await measure(app, ['/health/live'], seconds));
        if (rows.has('db')) add(`${name} /health/db`, await measure(app, ['/health/db'], seconds));
        if (rows.has('search')) add(`${name} search`, await measure(app, searchPaths, seconds));
      }
      console.log(`round ${r + 1} done, load ${round(loadavg()[0])}`);
    }
    const bare = median((results.get('bare /health/live') ?? []).map((m) => m.requestsPerSecond));
    console.log('\nrow                      req/s   % bare   p99 ms   CPU µs/req   non-2xx');
    for (const [key, ms] of results) {
      const rps = median(ms.map((m) => m.requestsPerSecond));
      console.log(
        [
          key.padEnd(22),
          String(rps).padStart(7),
          (bare ? `${round((100 * rps) / bare)} %` : '—').padStart(8),
          String(median(ms.map((m) => m.p99Ms))).padStart(8),
          String(median(ms.map((m) => m.cpuUsPerRequest))).padStart(12),
          String(ms.reduce((n, m) => n + m.non2xx + m.errors, 0)).padStart(9),
        ].join(' '),
      );
    }
    console.log(`load at end ${round(loadavg()[0])}`);
  } finally {
    for (const { app } of apps) await app.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
