import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { RankedMatch } from '../engine';
import type { ResidentMeta } from './match-store';
import { MATCH_COLUMNS, matchColumnList, matchMergeSql } from './match-columns';

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
  ${MATCH_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')}
) ON COMMIT DELETE ROWS`;

const MERGE = matchMergeSql(`SELECT ${matchColumnList('s')}, $1 FROM ${STAGE} s`);

/** One field of COPY's text format: \N for null; backslash, tab, newline and CR escaped. */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function copyLine(l: MatchRowsList, r: RankedMatch): string {
  const meta = l.residents.get(r.residentId);
  const source = { postingId: l.postingId, r, residentVersion: meta?.version ?? null, siteId: meta!.siteId };
  return MATCH_COLUMNS.map((c) => copyField(c.value(source))).join('\t') + '\n';
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
    client.query(copyFrom(`COPY ${STAGE} (${matchColumnList()}) FROM STDIN`)),
  );
  await m.query(MERGE, [computedAt]);
  return staged;
}
