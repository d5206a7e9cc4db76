import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { RankedMatch } from '../engine';
import type { ResidentMeta } from './match-store';
import { componentColumns } from './components-columns';

/*
 * The first night's store (issue 18 item 3): a night on which every list is written stores
 * hundreds of thousands of match rows. Sent as one array per column (unnest) they run at a tenth
 * of what PostgreSQL's COPY takes in, so here they are streamed with COPY (text format) into a
 * session-local staging table, then merged into `match` with one set-based statement: the same
 * INSERT … ON CONFLICT … WHERE IS DISTINCT FROM as MatchStore's, so `match` keeps its indexes,
 * constraints and triggers, a row an officer acted on keeps its status, and an unchanged row is
 * not rewritten (ids and computed_at stay).
 */

export interface MatchRowsList {
  postingId: string;
  results: readonly RankedMatch[];
  residents: ReadonlyMap<string, ResidentMeta>;
}

const STAGE = 'match_copy_stage';

// Temporary: never logged, one per connection; its rows go when the transaction commits.
const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
  posting_id uuid, resident_id uuid, posting_version int, resident_version int, score numeric,
  priority numeric, rank int, component_values real[], component_points real[],
  required_skills_missing text[], distance_km numeric, reason_zh text, reason_en text,
  engine_version text, site_id uuid, employer_reason_zh text, employer_reason_en text
) ON COMMIT DELETE ROWS`;

const STAGE_COLUMNS =
  'posting_id, resident_id, posting_version, resident_version, score, priority, rank, component_values, ' +
  'component_points, required_skills_missing, distance_km, reason_zh, reason_en, engine_version, site_id, ' +
  'employer_reason_zh, employer_reason_en';

const MERGE = `INSERT INTO match (posting_id, resident_id, posting_version, resident_version, score, priority, rank,
                     component_values, component_points, required_skills_missing, distance_km, reason_zh,
                     reason_en, engine_version, computed_at, site_id, employer_reason_zh, employer_reason_en)
  SELECT s.posting_id, s.resident_id, s.posting_version, s.resident_version, s.score, s.priority, s.rank,
         s.component_values, s.component_points, s.required_skills_missing, s.distance_km, s.reason_zh,
         s.reason_en, s.engine_version, $1, s.site_id, s.employer_reason_zh, s.employer_reason_en
    FROM ${STAGE} s
  ON CONFLICT (posting_id, resident_id) DO UPDATE SET
         posting_version = EXCLUDED.posting_version, resident_version = EXCLUDED.resident_version,
         score = EXCLUDED.score, priority = EXCLUDED.priority, rank = EXCLUDED.rank,
         component_values = EXCLUDED.component_values, component_points = EXCLUDED.component_points,
         required_skills_missing = EXCLUDED.required_skills_missing,
         distance_km = EXCLUDED.distance_km, reason_zh = EXCLUDED.reason_zh,
         reason_en = EXCLUDED.reason_en, engine_version = EXCLUDED.engine_version,
         computed_at = EXCLUDED.computed_at, site_id = EXCLUDED.site_id,
         employer_reason_zh = EXCLUDED.employer_reason_zh, employer_reason_en = EXCLUDED.employer_reason_en
   WHERE (match.posting_version, match.resident_version, match.score, match.priority, match.rank,
          match.component_values, match.component_points, match.required_skills_missing,
          match.distance_km, match.reason_zh, match.reason_en, match.engine_version, match.site_id,
          match.employer_reason_zh, match.employer_reason_en)
         IS DISTINCT FROM
         (EXCLUDED.posting_version, EXCLUDED.resident_version, EXCLUDED.score, EXCLUDED.priority,
          EXCLUDED.rank, EXCLUDED.component_values, EXCLUDED.component_points,
          EXCLUDED.required_skills_missing, EXCLUDED.distance_km, EXCLUDED.reason_zh, EXCLUDED.reason_en,
          EXCLUDED.engine_version, EXCLUDED.site_id, EXCLUDED.employer_reason_zh,
          EXCLUDED.employer_reason_en)`;

/** A PostgreSQL array literal of strings ('{"a","b"}'), every element quoted and escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** One field of COPY's text format: \N for null; backslash, tab, newline and CR escaped. */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function copyLine(l: MatchRowsList, r: RankedMatch): string {
  const meta = l.residents.get(r.residentId);
  const c = componentColumns(r.components);
  return (
    [
      l.postingId,
      r.residentId,
      r.postingVersion,
      meta?.version ?? null,
      r.score,
      r.priority,
      r.rank,
      arrayLiteral(c.values.map(String)),
      arrayLiteral(c.points.map(String)),
      arrayLiteral(r.requiredSkillsMissing),
      r.distanceKm,
      // reason_* is the officer's text (it carries the priority note); employers read employer_reason_*.
      r.reasons.officer.zh,
      r.reasons.officer.en,
      r.engineVersion,
      meta!.siteId,
      r.reasons.employer.zh,
      r.reasons.employer.en,
    ]
      .map(copyField)
      .join('\t') + '\n'
  );
}

function* copyChunks(lists: readonly MatchRowsList[]): Generator<string> {
  let chunk = '';
  for (const l of lists)
    for (const r of l.results) {
      chunk += copyLine(l, r);
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
  if (chunk) yield chunk;
}

/**
 * Inserts or updates the match rows of `lists` (MatchStore's upsert, not its deletions) through
 * COPY and one merge. Must run inside the caller's transaction (the staging rows live until it
 * commits). Returns the number of rows staged.
 */
export async function copyMatchRows(
  m: EntityManager,
  lists: readonly MatchRowsList[],
  computedAt: Date,
): Promise<number> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyMatchRows runs inside a transaction');
  const staged = lists.reduce((n, l) => n + l.results.length, 0);
  if (!staged) return 0;
  await m.query(CREATE_STAGE);
  // Rows of an earlier call in the same transaction are not merged twice.
  await m.query(`TRUNCATE ${STAGE}`);
  const client = (await runner.connect()) as PoolClient;
  await pipeline(
    Readable.from(copyChunks(lists)),
    client.query(copyFrom(`COPY ${STAGE} (${STAGE_COLUMNS}) FROM STDIN`)),
  );
  await m.query(MERGE, [computedAt]);
  return staged;
}
