import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  httpTo,
  matchesByPosting,
  matchingWorld,
  unpublishedOutbox,
  type MatchingWorld,
} from '../support/fault-fixtures';
import { seeker } from '../support/matching-factories';
import { postingBody } from '../support/postings-factories';
import {
  dropDatabaseAt,
  FAULT_METRICS_TOKEN,
  ROOT,
  sharedDatabaseUrl,
  sleep,
  startApp,
  uniqueName,
  waitUntil,
  type AppProcess,
} from '../support/processes';
import type { Session } from '../support/factories';

/*
 * Issue 7, item 2: "a soak of several minutes of mixed traffic (search, profile edits,
 * applications, publishes) at a steady rate: zero 5xx, stable memory (no growth trend), queue
 * depth returns to zero; the figures written to the report".
 *
 * One `LEYE_ROLE=all` process (api + worker) on its own database and queue prefix. The test
 * sends requests on a fixed schedule (SOAK_RATE per second, default 40) for SOAK_SECONDS
 * (default 150): 60 % search, 20 % resident profile edits, 10 % applications, 10 % publishes
 * (create + publish of a posting). Every 5 s it samples the server's RSS (/proc/<pid>/status)
 * and the queue depth (/metrics). Figures go to test-output/soak-report.json.
 */
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 150);
/*
 * 8 req/s by default: the test machine has 2 cores shared with other test runs, and a first run
 * at 40 req/s saturated it (17 req/s served, p50 over 6 s, queue growing); a soak measures
 * steady state, not overload. Raise SOAK_RATE on a machine of its own.
 */
const RATE = Number(process.env.SOAK_RATE ?? 8);
/**
 * Memory bound: slope of the least-squares line through the RSS samples of the second half of
 * the run. 3 MB/min at 8 req/s is about 6 KB retained per request: any real per-request leak
 * (a session, a response body, a listener per request) is bigger than that, while V8's
 * sawtooth (young generation scavenges of a few MB, occasional old-space compaction) averages
 * out over a 75 s window of 15 samples. Override with SOAK_MAX_SLOPE_MB_PER_MIN.
 */
const MAX_SLOPE_MB_PER_MIN = Number(process.env.SOAK_MAX_SLOPE_MB_PER_MIN ?? 3);
/** At most this many requests in flight; the schedule waits rather than piling up further. */
const MAX_IN_FLIGHT = 200;
const SAMPLE_MS = 5000;
export const SOAK_REPORT = join(ROOT, 'test-output', 'soak-report.json');

type Kind = 'search' | 'edit' | 'apply' | 'publish';
/** A fixed pattern of 10 slots: 6 searches, 2 edits, 1 application, 1 publish. */
const PATTERN: Kind[] = [
  'search',
  'edit',
  'search',
  'publish',
  'search',
  'edit',
  'search',
  'apply',
  'search',
  'search',
];

interface Result {
  kind: Kind;
  status: number; // 0: connection error
  ms: number;
  error?: string;
}

async function send(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

async function queueDepth(base: string): Promise<number> {
  const res = await fetch(`${base}/metrics`, {
    headers: { authorization: `Bearer ${FAULT_METRICS_TOKEN}` },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let n = 0;
  for (const line of text.split('\n')) {
    const m = /^leye_queue_jobs\{([^}]*)\}\s+(\S+)/.exec(line);
    if (m && /state="(waiting|active|delayed|prioritized|waiting-children)"/.test(m[1])) n += Number(m[2]);
  }
  return n;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den ? num / den : 0;
}

const round = (v: number, d = 1): number => Math.round(v * 10 ** d) / 10 ** d;

describe('fault: soak of steady mixed traffic', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('soak'));
  const prefix = uniqueName('q');
  const tag = Date.now().toString(36).slice(-5);
  let app: AppProcess;
  let world: MatchingWorld;
  let residents: { id: string }[] = [];
  let applicant: { id: string; session?: Session };

  beforeAll(async () => {
    app = await startApp({
      role: 'all',
      name: 'soak-all',
      databaseUrl: dbUrl,
      queuePrefix: prefix,
      env: {
        LEYE_BOOTSTRAP: 'true',
        SEARCH_REQUESTS_PER_MINUTE: '10000000',
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        LOG_LEVEL: 'warn',
      },
    });
    const http = httpTo(app.url);
    world = await matchingWorld(http, { officers: 1, fitting: 20 });
    residents = world.fitting;
    applicant = await seeker(http, world.officers[0], world.site.id, {
      account: true,
      consentToShare: true,
      jobAlerts: false,
    });
    await waitUntil(
      'fixture events relayed',
      async () => !Object.keys(await unpublishedOutbox(dbUrl)).length,
      60_000,
    );
  }, 240_000);

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it(
    `serves ${RATE} req/s of mixed traffic for ${SOAK_SECONDS} s with no 5xx, flat memory and a queue that drains`,
    async () => {
      const base = app.url;
      const pid = app.proc.pid!;
      const officerToken = world.officers[0].token;
      const employerToken = world.employer.session.token;
      const applicantToken = applicant.session!.token;
      const results: Result[] = [];
      const published: string[] = [];
      const notYetApplied: string[] = [];
      let inFlight = 0;
      let editN = 0;
      let publishN = 0;

      const ops: Record<Kind, () => Promise<number>> = {
        search: async () =>
          (
            await send(
              base,
              'GET',
              `/api/v1/postings?q=${encodeURIComponent('采茶')}&siteId=${world.site.id}`,
              null,
            )
          ).status,
        edit: async () => {
          editN += 1;
          const r = residents[editN % residents.length];
          const odd = editN % 2 === 1;
          const body =
            editN % 4 < 2
              ? { skills: [{ code: 'tea.picking', level: odd ? 3 : 2 }] }
              : {
                  preferences: {
                    industries: ['tea'],
                    wageMin: odd ? 2400 : 2500,
                    schedules: ['full_time', 'flexible'],
                    maxCommuteKm: 15,
                    willingToWorkAway: false,
                  },
                };
          return (await send(base, 'PATCH', `/api/v1/residents/${r.id}`, officerToken, body)).status;
        },
        apply: async () => {
          // A fresh open posting if one is waiting, else one applied to already (409 duplicate).
          const postingId = notYetApplied.shift() ?? published[published.length - 1];
          if (!postingId) return 201; // nothing published yet (first second): not counted below
          return (await send(base, 'POST', '/api/v1/applications', applicantToken, { postingId })).status;
        },
        publish: async () => {
          publishN += 1;
          const created = await send(
            base,
            'POST',
            '/api/v1/postings',
            employerToken,
            postingBody({ title: `耐久采茶工${tag}-${publishN}`, schedule: 'full_time' }),
          );
          if (created.status !== 201) return created.status;
          const id = created.json.id as string;
          const pub = await send(base, 'POST', `/api/v1/postings/${id}/publish`, employerToken);
          if (pub.status === 200) {
            published.push(id);
            notYetApplied.push(id);
          }
          return pub.status;
        },
      };

      const rss: { t: number; kb: number }[] = [];
      const depth: { t: number; jobs: number }[] = [];
      const started = Date.now();
      const sample = async (): Promise<void> => {
        const t = (Date.now() - started) / 1000;
        rss.push({ t, kb: rssKb(pid) });
        depth.push({ t, jobs: await queueDepth(base) });
      };
      await sample();
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          await sleep(SAMPLE_MS - ((Date.now() - started) % SAMPLE_MS));
          if (sampling) await sample().catch(() => undefined);
        }
      })();

      const total = Math.round(SOAK_SECONDS * RATE);
      const running: Promise<void>[] = [];
      let waitedForSlots = 0;
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / RATE;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        while (inFlight >= MAX_IN_FLIGHT) {
          waitedForSlots += 1;
          await sleep(5);
        }
        const kind = PATTERN[i % PATTERN.length];
        if (kind === 'apply' && !notYetApplied.length && !published.length) continue;
        inFlight += 1;
        const t0 = performance.now();
        running.push(
          ops[kind]()
            .then(
              (status) => results.push({ kind, status, ms: performance.now() - t0 }),
              (e: unknown) => results.push({ kind, status: 0, ms: performance.now() - t0, error: String(e) }),
            )
            .then(() => {
              inFlight -= 1;
            }),
        );
        if (running.length > 1000) await Promise.all(running.splice(0, running.length - MAX_IN_FLIGHT));
      }
      await Promise.all(running);
      const trafficSeconds = (Date.now() - started) / 1000;
      sampling = false;
      await sampler;

      // After the traffic: the queue drains and the outbox empties.
      const drainMs = await waitUntil(
        'queue depth back to 0 and outbox empty',
        async () => (await queueDepth(base)) === 0 && !Object.keys(await unpublishedOutbox(dbUrl)).length,
        60_000,
        250,
      );
      await sample();

      // Figures.
      const byKind = Object.fromEntries(
        (['search', 'edit', 'apply', 'publish'] as Kind[]).map((k) => {
          const rs = results.filter((r) => r.kind === k);
          const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
          const statuses: Record<string, number> = {};
          for (const r of rs) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          return [
            k,
            {
              n: rs.length,
              statuses,
              p50Ms: round(percentile(ms, 50)),
              p95Ms: round(percentile(ms, 95)),
              p99Ms: round(percentile(ms, 99)),
              maxMs: round(ms[ms.length - 1] ?? 0),
            },
          ];
        }),
      );
      const fivexx = results.filter((r) => r.status >= 500).length;
      const connErrors = results.filter((r) => r.status === 0);
      const warm = rss.filter((s) => s.t >= trafficSeconds / 2 && s.t <= trafficSeconds + 1);
      const slopeMbPerMin = (slope(warm.map((s) => ({ x: s.t, y: s.kb }))) * 60) / 1024;
      const report = {
        at: new Date().toISOString(),
        seconds: round(trafficSeconds),
        targetRate: RATE,
        requests: results.length,
        achievedRate: round(results.length / trafficSeconds),
        scheduleWaitsForSlots: waitedForSlots,
        fivexx,
        connectionErrors: connErrors.length,
        byKind,
        postingsPublished: published.length,
        rss: {
          startMb: round(rss[0].kb / 1024),
          peakMb: round(Math.max(...rss.map((s) => s.kb)) / 1024),
          endMb: round(rss[rss.length - 1].kb / 1024),
          secondHalfSlopeMbPerMin: round(slopeMbPerMin, 2),
          boundMbPerMin: MAX_SLOPE_MB_PER_MIN,
          samples: rss.map((s) => [round(s.t), round(s.kb / 1024)]),
        },
        queue: {
          maxDepth: Math.max(...depth.map((d) => d.jobs)),
          drainMs,
          samples: depth.map((d) => [round(d.t), d.jobs]),
        },
      };
      mkdirSync(dirname(SOAK_REPORT), { recursive: true });
      writeFileSync(SOAK_REPORT, JSON.stringify(report, null, 2));
      console.log(
        `[soak] ${report.requests} requests in ${report.seconds} s (${report.achievedRate}/s), 5xx ${fivexx}, ` +
          `conn errors ${connErrors.length}; p95 ms search ${byKind.search.p95Ms} edit ${byKind.edit.p95Ms} ` +
          `apply ${byKind.apply.p95Ms} publish ${byKind.publish.p95Ms}; RSS ${report.rss.startMb} → ` +
          `${report.rss.endMb} MB, slope ${report.rss.secondHalfSlopeMbPerMin} MB/min; queue max ` +
          `${report.queue.maxDepth}, drained in ${drainMs} ms`,
      );

      // Assertions.
      expect(connErrors.map((r) => r.error)).toEqual([]);
      expect(fivexx).toBe(0);
      expect(byKind.search.statuses).toEqual({ 200: byKind.search.n });
      expect(byKind.edit.statuses).toEqual({ 200: byKind.edit.n });
      expect(Object.keys(byKind.publish.statuses)).toEqual(['200']);
      expect(Object.keys(byKind.apply.statuses).every((s) => s === '201' || s === '409')).toBe(true);
      expect(byKind.apply.statuses['201']).toBeGreaterThan(0);
      // The schedule held: at least 90 % of the target rate.
      expect(report.achievedRate).toBeGreaterThanOrEqual(RATE * 0.9);
      expect(warm.length).toBeGreaterThanOrEqual(5);
      expect(slopeMbPerMin).toBeLessThan(MAX_SLOPE_MB_PER_MIN);
      expect(app.running()).toBe(true);
      // Every publish got its matches (the 20 fitting residents are near and pick tea).
      const matches = await matchesByPosting(dbUrl, published);
      const unmatched = [...matches.entries()].filter(([, ids]) => ids.length === 0).map(([id]) => id);
      expect(unmatched).toEqual([]);
      expect(await unpublishedOutbox(dbUrl)).toEqual({});
    },
    (SOAK_SECONDS + 300) * 1000,
  );
});
