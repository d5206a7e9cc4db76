import { Queue } from 'bullmq';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { ALL_QUEUES } from '../../src/platform/queue/queue-name';
import { loginAdmin, staff, type Session } from './factories';
import { seeker } from './matching-factories';
import { siteWithChannels } from './notifications-factories';
import { employerWithRecord, openPosting, type EmployerFixture } from './postings-factories';
import { query } from './processes';

/*
 * Fixtures for the matching fault tests (test/fault/matching-*, webhook): a small world built
 * over HTTP against a spawned api (supertest accepts a base URL), robots that record when they
 * were hit, and the SQL counts the tests compare with what they expect.
 */

export type Http = ReturnType<typeof request>;

/** supertest against a running process (not an in-process app). */
export function httpTo(baseUrl: string): Http {
  return request(baseUrl);
}

// ---------------------------------------------------------------------------------------------
// Robots

export interface RobotHit {
  /** Date.now() when the request body had arrived. */
  at: number;
  /** The parsed JSON body (WeCom/DingTalk robot message). */
  body: Record<string, unknown>;
}

export interface TimedRobot {
  url: string;
  mode: 'ok' | 'error500' | 'silent';
  hits: RobotHit[];
  /** Requests that arrived and have not been answered (a `silent` robot never answers). */
  open(): number;
  /** Hits whose message text mentions `needle` (e.g. a posting title). */
  hitsFor(needle: string): RobotHit[];
  close(): Promise<void>;
}

/**
 * A WeCom/DingTalk-style group robot on 127.0.0.1: `ok` answers `{"errcode":0}`, `error500`
 * always answers 500, `silent` reads the request and never answers (the sender's timeout fires).
 * Every hit is recorded with its arrival time.
 */
export async function timedRobot(mode: TimedRobot['mode']): Promise<TimedRobot> {
  const hits: RobotHit[] = [];
  const pending = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = { unparsable: raw };
      }
      hits.push({ at: Date.now(), body });
      if (mode === 'silent') {
        pending.add(res);
        res.on('close', () => pending.delete(res));
        return;
      }
      if (mode === 'error500') {
        res.statusCode = 500;
        res.end('internal error');
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=fault-${mode}`,
    mode,
    hits,
    open: () => pending.size,
    hitsFor: (needle) => hits.filter((h) => JSON.stringify(h.body).includes(needle)),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Gaps in ms between consecutive hits. */
export function intervals(hits: RobotHit[]): number[] {
  return hits.slice(1).map((h, i) => h.at - hits[i].at);
}

// ---------------------------------------------------------------------------------------------
// A site whose residents fit tea-picking postings

export interface MatchingWorld {
  admin: Session;
  site: { id: string };
  officers: Session[];
  employer: EmployerFixture;
  /** Residents who pick tea (level 2): strong matches of every `publish()`ed posting. */
  fitting: { id: string; name: string }[];
  /** A resident without skills (may be given them later by a profile change). */
  unskilled: { id: string; name: string };
}

/**
 * One site (about 5.7 km from the postings' tea garden) with the given robot channels, its
 * officers, `fitting` seekers who pick tea, one seeker without skills, and a verified employer.
 */
export async function matchingWorld(
  http: Http,
  opts: { channels?: { type: 'wecom' | 'dingtalk'; target: string }[]; officers?: number; fitting?: number },
): Promise<MatchingWorld> {
  const admin = await loginAdmin(http);
  const site = await siteWithChannels(http, admin, opts.channels ?? []);
  const officers: Session[] = [];
  for (let i = 0; i < (opts.officers ?? 2); i++)
    officers.push(await staff(http, admin, 'officer', { siteIds: [site.id] }));
  const fitting: { id: string; name: string }[] = [];
  for (let i = 0; i < (opts.fitting ?? 2); i++)
    fitting.push(await seeker(http, officers[0], site.id, { consentToShare: true, jobAlerts: false }));
  const unskilled = await seeker(http, officers[0], site.id, {
    consentToShare: true,
    jobAlerts: false,
    skills: [],
  });
  const employer = await employerWithRecord(http, { verifiedBy: officers[0] });
  return { admin, site, officers, employer, fitting, unskilled };
}

/** An open full-time tea-picking posting of the world's employer, with a title of its own. */
export function publish(
  http: Http,
  world: MatchingWorld,
  title: string,
): Promise<{ id: string; status: string; version: number }> {
  return openPosting(http, world.employer.session, { title, schedule: 'full_time' });
}

// ---------------------------------------------------------------------------------------------
// What the database says

/** Unpublished outbox rows per kind, among the rows about `entityIds` (all rows if omitted). */
export async function unpublishedOutbox(
  dbUrl: string,
  entityIds?: string[],
): Promise<Record<string, number>> {
  const rows = await query<{ kind: string; n: string }>(
    dbUrl,
    `SELECT kind, count(*) AS n FROM outbox_event
      WHERE published_at IS NULL AND ($1::uuid[] IS NULL OR entity_id = ANY($1::uuid[]))
      GROUP BY kind ORDER BY kind`,
    [entityIds ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Resident ids with a stored match, per posting. */
export async function matchesByPosting(dbUrl: string, postingIds: string[]): Promise<Map<string, string[]>> {
  const rows = await query<{ postingId: string; residentId: string }>(
    dbUrl,
    `SELECT posting_id AS "postingId", resident_id AS "residentId" FROM match
      WHERE posting_id = ANY($1::uuid[]) ORDER BY posting_id, resident_id`,
    [postingIds],
  );
  const out = new Map<string, string[]>(postingIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.postingId)!.push(r.residentId);
  return out;
}

export interface OfficerNotificationCount {
  postingId: string;
  recipientUserId: string;
  n: number;
  /** The `count` in the payload (strong matches at the site). */
  counts: number[];
}

/** Officer notifications (`match.posting_ranked`) per (posting, officer). */
export async function officerNotifications(
  dbUrl: string,
  postingIds: string[],
): Promise<OfficerNotificationCount[]> {
  const rows = await query<{ postingId: string; recipientUserId: string; n: string; counts: number[] }>(
    dbUrl,
    `SELECT payload->>'postingId' AS "postingId", recipient_user_id AS "recipientUserId", count(*) AS n,
            array_agg((payload->>'count')::int) AS counts
       FROM notification
      WHERE kind = 'match.posting_ranked' AND payload->>'postingId' = ANY($1::text[])
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [postingIds],
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface DeliveryRow {
  id: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
  title: string;
}

/** Channel deliveries (robots) whose message mentions one of `titles`. */
export async function deliveries(dbUrl: string, titles: string[]): Promise<DeliveryRow[]> {
  const rows = await query<DeliveryRow>(
    dbUrl,
    `SELECT d.id, d.target, d.status, d.attempts, d.last_error AS "lastError", t.title
       FROM notification_delivery d
       JOIN unnest($1::text[]) AS t(title) ON d.payload::text LIKE '%' || t.title || '%'
      ORDER BY t.title, d.target`,
    [titles],
  );
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

/** Sessions of the app's database waiting on a lock (row, table or advisory) right now. */
export async function waitingOnLocks(dbUrl: string): Promise<{ advisory: number; other: number }> {
  const db = new URL(dbUrl).pathname.slice(1);
  const rows = await query<{ advisory: string; other: string }>(
    dbUrl,
    `SELECT count(*) FILTER (WHERE wait_event = 'advisory') AS advisory,
            count(*) FILTER (WHERE wait_event <> 'advisory') AS other
       FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
    [db],
  );
  return { advisory: Number(rows[0].advisory), other: Number(rows[0].other) };
}

/**
 * Holds the ranking service's per-posting advisory locks (`matching:posting:<id>`, taken in the
 * storing transaction) on a connection of its own, so those postings' rank jobs are provably in
 * flight, blocked just before they store, until `release()`.
 */
export async function holdPostingLocks(
  dbUrl: string,
  postingIds: string[],
): Promise<{ release(): Promise<void> }> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  await c.query(
    `SELECT pg_advisory_lock(hashtext('matching:posting:' || id)) FROM unnest($1::text[]) AS id`,
    [postingIds],
  );
  return {
    async release() {
      await c.query('SELECT pg_advisory_unlock_all()');
      await c.end();
    },
  };
}

/** Locks the pending delivery rows (FOR UPDATE) in an open transaction; their jobs block on the claim. */
export async function holdPendingDeliveries(
  dbUrl: string,
): Promise<{ ids: string[]; release(): Promise<void> }> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  await c.query('BEGIN');
  const rows = await c.query<{ id: string }>(
    `SELECT id FROM notification_delivery WHERE status = 'pending' ORDER BY id FOR UPDATE`,
  );
  return {
    ids: rows.rows.map((r) => r.id),
    async release() {
      await c.query('ROLLBACK');
      await c.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// BullMQ, seen from the test

function connectionOf(redisUrl: string): { host: string; port: number } {
  const u = new URL(redisUrl);
  return { host: u.hostname, port: Number(u.port || 6379) };
}

/** The app's queues under `prefix` (to look at job states and to clean up). */
export function appQueues(redisUrl: string, prefix: string): Map<string, Queue> {
  return new Map(ALL_QUEUES.map((n) => [n, new Queue(n, { connection: connectionOf(redisUrl), prefix })]));
}

export async function closeQueues(queues: Map<string, Queue>, obliterate = true): Promise<void> {
  for (const q of queues.values()) {
    if (obliterate) await q.obliterate({ force: true }).catch(() => undefined);
    await q.close().catch(() => undefined);
  }
}
