import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/*
 * Issue 18 item 1: the floor of the first night's store. The re-rank's own match rows (the
 * columns the store writes) are copied out to a file (not timed), then COPY'd back into a scratch
 * table shaped like `match`: a logged table as `match` is, with its defaults and indexes (the
 * unique (posting_id, resident_id) one included) but without its foreign keys and triggers. What
 * is timed is that COPY alone: PostgreSQL's write rate for these rows on this machine.
 */

export const STORED_COLUMNS = [
  'posting_id',
  'resident_id',
  'posting_version',
  'resident_version',
  'score',
  'priority',
  'rank',
  'component_values',
  'component_points',
  'required_skills_missing',
  'distance_km',
  'reason_zh',
  'reason_en',
  'engine_version',
  'computed_at',
  'site_id',
  'employer_reason_zh',
  'employer_reason_en',
];

export interface CopyAnchor {
  rows: number;
  bytes: number;
  ms: number;
  rowsPerSecond: number;
  table: string;
}

export async function copyAnchor(url: string): Promise<CopyAnchor> {
  const file = join(tmpdir(), `leye-bench-copy-${process.pid}.tsv`);
  const table = 'bench_copy_anchor';
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const cols = STORED_COLUMNS.join(', ');
    await pipeline(c.query(copyTo(`COPY (SELECT ${cols} FROM match) TO STDOUT`)), createWriteStream(file));
    await c.query(`DROP TABLE IF EXISTS ${table}`);
    await c.query(`CREATE TABLE ${table} (LIKE match INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const t = performance.now();
    const sink = c.query(copyFrom(`COPY ${table} (${cols}) FROM STDIN`));
    await pipeline(createReadStream(file), sink);
    const ms = performance.now() - t;
    const rows = Number(sink.rowCount);
    return {
      rows,
      bytes: statSync(file).size,
      ms: Math.round(ms),
      rowsPerSecond: Math.round(rows / (ms / 1000)),
      table,
    };
  } finally {
    await c.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await c.end();
    rmSync(file, { force: true });
  }
}
