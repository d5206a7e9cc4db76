import type { EntityManager } from 'typeorm';
import type { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import type { SkillWords } from '../../src/postings/posting-search-text';
import type { Load } from './bulk-insert';
import type { Population } from './population-rows';
import { writeCourses } from './write-courses';
import { writeEmployersAndPostings } from './write-market';
import { writePeople } from './write-people';

/*
 * Writes a built population in bulk (INSERT … SELECT FROM unnest(arrays), thousands of rows per
 * statement) while keeping the invariants the services keep one row at a time:
 * - national IDs and phones encrypted with PiiCipher, looked up through its HMAC, masked copy;
 * - household figures computed by SQL with the one definition (laborCapableSql);
 * - posting search tokens as PostingsService computes them (postingTokens), memoised per text;
 * - outbox events (posting.changed for open postings, resident.changed) when asked, so a worker
 *   ranks the data after start;
 * - one audit entry for the whole load.
 * Callers pass a transaction's manager: a failure leaves nothing behind.
 *
 * The table groups are written in this order (foreign keys): people (write-people.ts), employers
 * and postings (write-market.ts), courses (write-courses.ts), then the outbox and the audit entry.
 * The rows go through bulkInsert (bulk-insert.ts); posting tokens through posting-tokenizer.ts.
 */

export interface WriteOptions {
  pii: PiiCipher;
  /** argon2 hash of the demo password, shared by every `password: 'demo'` account. */
  demoPasswordHash: string;
  /** Write outbox events for open postings and residents. */
  outbox: boolean;
  auditAction: string;
  /** Rows per statement. */
  batch?: number;
  /** Progress callback (table, rows written so far). */
  progress?: (table: string, rows: number) => void;
}

export interface WriteCounts {
  sites: number;
  households: number;
  residents: number;
  residentSkills: number;
  residentCertificates: number;
  users: number;
  employers: number;
  postings: number;
  courses: number;
  enrollments: number;
  outboxEvents: number;
}

export async function writePopulation(
  m: EntityManager,
  pop: Population,
  skills: SkillWords[],
  o: WriteOptions,
): Promise<WriteCounts> {
  const batch = o.batch ?? 5000;
  const progress = o.progress ?? (() => undefined);
  const load: Load = { m, batch, progress, now: new Date().toISOString() };

  const people = await writePeople(load, pop, o);
  await writeEmployersAndPostings(load, pop, skills);
  await writeCourses(load, pop);

  let outboxEvents = 0;
  if (o.outbox) {
    const open = pop.postings.filter((p) => p.status === 'open').map((p) => p.id);
    await m.query(
      `INSERT INTO outbox_event (kind, entity_id, version, payload)
       SELECT 'posting.changed', id, version, jsonb_build_object('status', status) FROM posting WHERE id = ANY($1::uuid[])`,
      [open],
    );
    const ids = pop.residents.map((r) => r.id);
    await m.query(
      `INSERT INTO outbox_event (kind, entity_id, version, payload) SELECT 'resident.changed', id, 1, '{}'::jsonb FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    outboxEvents = open.length + ids.length;
  }

  const counts: WriteCounts = {
    sites: pop.sites.length,
    households: pop.households.length,
    residents: pop.residents.length,
    ...people,
    users: pop.users.length,
    employers: pop.employers.length,
    postings: pop.postings.length,
    courses: pop.courses.length,
    enrollments: pop.enrollments.length,
    outboxEvents,
  };
  await m.query(
    `INSERT INTO audit_entry (actor_id, actor_role, action, entity_type, details) VALUES (NULL, 'system', $1, 'population', $2::jsonb)`,
    [o.auditAction, JSON.stringify({ synthetic: true, ...counts })],
  );
  return counts;
}
